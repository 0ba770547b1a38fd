const recorderManager = wx.getRecorderManager()

Page({
  data: { longPath: '', shortPath: '' },

  startLong() {
    recorderManager.onStop((res) => {
      this.setData({ longPath: res.tempFilePath })
    })
    recorderManager.start({ duration: 120000, format: 'mp3' })
  },

  stopLong() {
    recorderManager.stop()
  },

  // The quick note button still uses the old API.
  startShort() {
    recorderManager.onStop((res) => {
      this.setData({ shortPath: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  stopShort() {
    recorderManager.stop()
  }
})
