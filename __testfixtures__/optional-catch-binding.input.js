// A page with `catch {}` (no catch parameter, ES2019): the host is still found.
Page({
  onTap() {
    try {
      this.save()
    } catch {
      wx.stopRecord()
    }
  },
  onStart() {
    wx.startRecord({ success: (res) => this.setData({ path: res.tempFilePath }) })
  },
})
