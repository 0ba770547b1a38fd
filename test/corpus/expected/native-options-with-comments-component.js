// components/answer-recorder/answer-recorder.js
const recorderManager = wx.getRecorderManager()

const MAX_SECONDS = 60

Component({
  options: {
    addGlobalClass: true
  },

  properties: {
    questionId: String
  },

  data: {
    recording: false,
    elapsed: 0,
    file: ''
  },

  lifetimes: {
    detached() {
      clearInterval(this._ticker)
    }
  },

  methods: {
    begin() {
      const _this = this
      _this.setData({ recording: true, elapsed: 0 })
      _this._ticker = setInterval(() => {
        const elapsed = _this.data.elapsed + 1
        _this.setData({ elapsed })
        if (elapsed >= MAX_SECONDS) clearInterval(_this._ticker)
      }, 1000)

      // 注意：success 在录音结束时才回调，不是开始时
      recorderManager.onStop(function (res) {
        _this.setData({ file: res.tempFilePath })
        _this.triggerEvent('recorded', {
          questionId: _this.properties.questionId,
          file: res.tempFilePath,
          seconds: _this.data.elapsed
        })
      })
      /* 失败时一般是用户拒绝了麦克风权限 */
      recorderManager.onError(function (err) {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        console.error(err)
        _this.triggerEvent('denied')
      })
      // complete() {
      //   _this.setData({ recording: false })
      // },
      recorderManager.start({ duration: 60000 })
    },

    end() {
      const _this = this
      clearInterval(_this._ticker)
      recorderManager.stop()
      setTimeout(function () {
        _this.setData({ recording: false })
      })
    },

    redo() {
      this.setData({ file: '', elapsed: 0 })
    }
  }
})
