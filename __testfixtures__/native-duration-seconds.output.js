const recorderManager = wx.getRecorderManager()

Page({
  data: { memo: '', message: '' },
  recordMemo() {
    recorderManager.onStop((res) => {
      this.setData({ memo: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 30000 })
  },
  recordMessage() {
    recorderManager.onStop((res) => {
      this.setData({ message: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 600000 })
  },
  stopAll() {
    recorderManager.stop()
  }
})
