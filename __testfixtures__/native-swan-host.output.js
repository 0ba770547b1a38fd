const swanRecorderManager = swan.getRecorderManager()

Page({
  data: { path: '' },
  start() {
    swanRecorderManager.onStop(res => {
      this.setData({ path: res.tempFilePath })
    })
    swanRecorderManager.onError(err => {
      console.log(err)
    })
    swanRecorderManager.start({ duration: 60000 })
  },
  stop() {
    swanRecorderManager.stop()
  }
})
