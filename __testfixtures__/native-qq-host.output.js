const qqRecorderManager = qq.getRecorderManager()

Page({
  data: { path: '' },
  start() {
    qqRecorderManager.onStop((res) => {
      this.setData({ path: res.tempFilePath })
    })
    qqRecorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    qqRecorderManager.start({ duration: 60000 })
  },
  stop() {
    qqRecorderManager.stop()
  }
})
