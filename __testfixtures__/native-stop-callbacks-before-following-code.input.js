Page({
  onTouchStart() {
    wx.startRecord({ success: (res) => this.setData({ voice: res.tempFilePath }) })
  },
  onTouchEnd() {
    wx.stopRecord({
      success: () => {
        this.setData({ state: 'stopped' })
      },
    })
    // This ran BEFORE the success callback above: converted code would swap them.
    this.setData({ state: 'uploading' })
  },
})
