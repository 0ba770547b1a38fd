// components/record-button/record-button.js
const recorderManager = wx.getRecorderManager()

Component({
  properties: {
    maxSeconds: { type: Number, value: 60 }
  },

  data: {
    pressing: false
  },

  methods: {
    onTouchStart() {
      this.setData({ pressing: true })
      recorderManager.onStop((res) => {
        this.triggerEvent('recorded', { path: res.tempFilePath })
      })
      recorderManager.onError((err) => {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        this.triggerEvent('error', {})
      })
      recorderManager.start({ duration: 60000 })
    },

    onTouchEnd() {
      this.setData({ pressing: false })
      recorderManager.stop()
    }
  }
})
