const recorderManager = wx.getRecorderManager()

Page({
  data: { allowed: true, path: '' },
  toggle() {
    if (this.data.recording) recorderManager.stop()
    else {
      recorderManager.onStop((res) => {
        this.setData({ path: res.tempFilePath, recording: false })
      })
      recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
      recorderManager.start({ duration: 60000 })
    }
    this.setData({ recording: !this.data.recording })
  }
})
