const recorderManager = wx.getRecorderManager()

Page({
  data: {},
  tapStart() {
    recorderManager.onStop(() => {}) // no success callback: clears an earlier start's listener
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
    this.setData({ hint: '松开结束' })
  },
  tapEnd() {
    recorderManager.stop()
    this.setData({ hint: '' })
  }
})
