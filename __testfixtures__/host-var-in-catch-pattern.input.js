// A `var` declared in a catch clause whose parameter is a pattern belongs to the whole
// method: `wx` below is that local, never WeChat's global, whichever way the try goes.
Page({
  onRecord() {
    try {
      this.prepare()
    } catch ({ message }) {
      var wx = swan
      console.warn(message)
    }
    wx.startRecord({ success: (res) => this.setData({ path: res.tempFilePath }) })
  },
  onStop() {
    try {
      this.flush()
    } catch ({ message }) {
      var api = swan
      api.stopRecord()
    }
  },
})
