Page({
  data: { recording: false },
  onTouchStart() {
    this.setData({ recording: true })
    wx.startRecord({
      success: (res) => {
        this.setData({ file: res.tempFilePath })
      },
      complete: () => {
        this.onTouchEnd()
      },
    })
  },
  onTouchEnd() {
    wx.stopRecord()
    this.setData({ recording: false })
  },
})
