Page({
  data: { path: '', error: '' },
  start() {
    const that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ path: res.tempFilePath })
      },
      fail: function () {
        wx.stopRecord()
        that.setData({ error: 'mic busy' })
      }
    })
  },
  stop() {
    wx.stopRecord()
  }
})
