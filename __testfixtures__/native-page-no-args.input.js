Page({
  data: {},
  tapStart() {
    wx.startRecord()
    this.setData({ hint: '松开结束' })
  },
  tapEnd() {
    wx.stopRecord({})
    this.setData({ hint: '' })
  }
})
