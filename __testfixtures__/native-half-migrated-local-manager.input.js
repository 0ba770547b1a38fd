Page({
  data: { path: '' },

  onLoad() {
    let recorderManager = null
    recorderManager = wx.getRecorderManager()
    this.rm = recorderManager
  },

  recordOld() {
    const that = this
    wx.startRecord({
      success(res) {
        that.setData({ path: res.tempFilePath })
      }
    })
  },

  stopOld() {
    wx.stopRecord()
  }
})
