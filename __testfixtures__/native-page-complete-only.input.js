Page({
  data: { busy: false },
  record: function () {
    var page = this
    page.setData({ busy: true })
    wx.startRecord({
      complete: function () {
        page.setData({ busy: false })
      }
    })
  },
  finish: function () {
    wx.stopRecord()
  }
})
