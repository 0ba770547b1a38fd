// A feature test through an injected object only reads the function: it holds nothing
// back, and the page's own calls convert.
Page({
  onLoad() {
    this.canRecord = typeof this.api?.wx?.startRecord === 'function'
  },
  onPress() {
    wx.startRecord({
      success: (res) => this.setData({ path: res.tempFilePath }),
    })
  },
  onRelease() {
    wx.stopRecord()
  },
})
