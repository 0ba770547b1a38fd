const recorderManager = wx.getRecorderManager()

Page({
  onTouchStart() {
    recorderManager.onStop((res) => this.setData({ voice: res.tempFilePath }))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  onTouchEnd() {
    recorderManager.stop()
    setTimeout(() => {
      this.setData({ state: 'stopped' })
    })
    // This ran BEFORE the success callback above: converted code would swap them.
    this.setData({ state: 'uploading' })
  },
})
