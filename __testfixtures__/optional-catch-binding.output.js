// A page with `catch {}` (no catch parameter, ES2019): the host is still found.
const recorderManager = wx.getRecorderManager()

Page({
  onTap() {
    try {
      this.save()
    } catch {
      recorderManager.stop()
    }
  },
  onStart() {
    recorderManager.onStop((res) => this.setData({ path: res.tempFilePath }))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
})
