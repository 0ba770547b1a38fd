// A feature test through an injected object only reads the function: it holds nothing
// back, and the page's own calls convert.
const recorderManager = wx.getRecorderManager()

Page({
  onLoad() {
    this.canRecord = typeof this.api?.wx?.startRecord === 'function'
  },
  onPress() {
    recorderManager.onStop((res) => this.setData({ path: res.tempFilePath }))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  onRelease() {
    recorderManager.stop()
  },
})
