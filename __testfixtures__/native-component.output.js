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
      recorderManager.onError(() => {
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
