const recorderManager = wx.getRecorderManager()

Page({
  data: {},
  tapStart() {
    recorderManager.onStop(() => {})
    recorderManager.onError(() => {})
    recorderManager.start({ duration: 60000 })
    this.setData({ hint: '松开结束' })
  },
  tapEnd() {
    recorderManager.stop()
    this.setData({ hint: '' })
  }
})
