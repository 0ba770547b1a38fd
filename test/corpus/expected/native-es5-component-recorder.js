// components/voice-recorder/index.js
// 录音按钮组件，录音完成后通过 bindfinish 把临时文件路径交给页面
var startRecord = require('./startrecord-shim').startRecord
var stopRecord = require('./startrecord-shim').stopRecord

var MIN_MS = 800

Component({
  properties: {
    disabled: {
      type: Boolean,
      value: false
    },
    tip: {
      type: String,
      value: '按住录音'
    }
  },

  data: {
    pressing: false,
    level: 0
  },

  methods: {
    onPress: function () {
      if (this.data.disabled) return
      var self = this
      self.pressAt = Date.now()
      self.setData({ pressing: true })
      // 简单的音量动画
      self.anim = setInterval(function () {
        self.setData({ level: (self.data.level + 1) % 4 })
      }, 300)
      startRecord({
        success: function (res) {
          var used = Date.now() - self.pressAt
          if (used < MIN_MS) {
            self.triggerEvent('tooshort', { used: used })
            return
          }
          self.triggerEvent('finish', {
            path: res.tempFilePath,
            duration: Math.round(used / 1000)
          })
        },
        fail: function (err) {
          self.triggerEvent('error', err)
        }
      })
    },

    onRelease: function () {
      clearInterval(this.anim)
      this.setData({ pressing: false, level: 0 })
      stopRecord({ /* 松开即停止，结果在 startRecord 的 success 里 */ })
    }
  },

  lifetimes: {
    detached: function () {
      clearInterval(this.anim)
    }
  }
})
