// A `var` declared in a catch clause whose parameter is a pattern belongs to the whole
// method: `wx` here is Baidu's `swan`, before and after the try.
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
