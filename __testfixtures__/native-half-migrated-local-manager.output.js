const recorderManager2 = wx.getRecorderManager()

Page({
  data: { path: '' },

  onLoad() {
    let recorderManager = null
    recorderManager = wx.getRecorderManager()
    this.rm = recorderManager
  },

  recordOld() {
    const that = this
    recorderManager2.onStop(function (res) {
      that.setData({ path: res.tempFilePath })
    })
    recorderManager2.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager2.start({ duration: 60000 })
  },

  stopOld() {
    recorderManager2.stop()
  }
})
