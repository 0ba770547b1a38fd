// components/voice-recorder/index.js
// 录音按钮组件，录音完成后通过 bindfinish 把临时文件路径交给页面
var recorderManager = wx.getRecorderManager()

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
      var onRecordFail = function (err) {
        self.triggerEvent('error', err)
      }
      recorderManager.onStop(function (res) {
        var used = Date.now() - self.pressAt
        if (used < MIN_MS) {
          self.triggerEvent('tooshort', { used: used })
          return
        }
        self.triggerEvent('finish', {
          path: res.tempFilePath,
          duration: Math.round(used / 1000)
        })
      })
      recorderManager.onError(function (err) {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        onRecordFail({ errMsg: err.errMsg.replace('operateRecorder:fail', 'startRecord:fail') })
      })
      recorderManager.start({ duration: 60000 })
    },

    onRelease: function () {
      clearInterval(this.anim)
      this.setData({ pressing: false, level: 0 })
      recorderManager.stop(/* 松开即停止，结果在 startRecord 的 success 里 */)
    }
  },

  lifetimes: {
    detached: function () {
      clearInterval(this.anim)
    }
  }
})
