Page({
  data: { file: '' },
  onStart: function () {
    var that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ file: res.tempFilePath })
      }
    })
  },
  onEnd: function () {
    wx.stopRecord()
  }
})
