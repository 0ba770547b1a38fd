Page({
  data: { path: '', error: '' },
  start() {
    const that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ path: res.tempFilePath })
      },
      fail: function () {
        that.setData({ error: 'mic busy' })
      }
    })
    this.autoStop = setTimeout(() => wx.stopRecord(), 10000)
  },
  stop() {
    clearTimeout(this.autoStop)
    wx.stopRecord()
  }
})
