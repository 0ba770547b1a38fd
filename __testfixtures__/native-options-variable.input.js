Page({
  data: { voice: '' },
  start() {
    const that = this
    // 最长录 30 秒
    const options = {
      duration: 30,
      success(res) {
        that.setData({ voice: res.tempFilePath })
      },
      fail() {
        wx.showToast({ title: '录音失败', icon: 'none' })
      },
    }
    wx.startRecord(options)
  },
  stop() {
    wx.stopRecord()
  },
})
