Page({
  data: { path: '' },
  start() {
    /* wx.startRecord({ success: this.oldHandler }) */
    wx.startRecord({
      // 录音结束后保存路径
      success: (res) => {
        this.setData({ path: res.tempFilePath }) // keep for playback
      },
      fail: (err) => { console.warn(err) }, // usually a permission problem
      /* complete is not needed here */
    })
  },
  stop() {
    // wx.stopRecord() is also called from onHide
    wx.stopRecord()
  },
  onHide() {
    wx.stopRecord()
  }
})
