const recorderManager = wx.getRecorderManager()

Page({
  data: { longPath: '', shortPath: '' },

  onLoad() {
    recorderManager.onStop((res) => {
      this.setData({ longPath: res.tempFilePath })
    })
  },

  startLong() {
    recorderManager.start({ duration: 120000, format: 'mp3' })
  },

  stopLong() {
    recorderManager.stop()
  },

  // The quick note button still uses the old API.
  startShort() {
    wx.startRecord({
      success: (res) => {
        this.setData({ shortPath: res.tempFilePath })
      }
    })
  },

  stopShort() {
    wx.stopRecord()
  }
})
