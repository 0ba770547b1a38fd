const qqRecorderManager = qq.getRecorderManager()

Page({
  data: { path: '' },
  start() {
    qqRecorderManager.onStop((res) => {
      this.setData({ path: res.tempFilePath })
    })
    qqRecorderManager.onError(() => {})
    qqRecorderManager.start({ duration: 60000 })
  },
  stop() {
    qqRecorderManager.stop()
  }
})
