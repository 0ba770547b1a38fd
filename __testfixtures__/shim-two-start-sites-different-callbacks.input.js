Page({
  data: { memo: '', message: '' },
  recordMemo() {
    wx.startRecord({
      duration: 30,
      success: (res) => {
        this.setData({ memo: res.tempFilePath })
      }
    })
  },
  recordMessage() {
    wx.startRecord({
      duration: 1200,
      success: (res) => {
        this.setData({ message: res.tempFilePath })
      }
    })
  },
  stopAll() {
    wx.stopRecord()
  }
})
