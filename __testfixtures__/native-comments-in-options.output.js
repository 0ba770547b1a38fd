const recorderManager = wx.getRecorderManager()

Page({
  data: { path: '' },
  start() {
    /* wx.startRecord({ success: this.oldHandler }) */
    // 录音结束后保存路径
    recorderManager.onStop((res) => {
      this.setData({ path: res.tempFilePath }) // keep for playback
    })
    // usually a permission problem
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      console.warn(err)
    })
    /* complete is not needed here */
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    // wx.stopRecord() is also called from onHide
    recorderManager.stop()
  },
  onHide() {
    recorderManager.stop()
  }
})
