const swanRecorderManager = swan.getRecorderManager()

Page({
  data: { path: '' },
  start() {
    swanRecorderManager.onStop(res => {
      this.setData({ path: res.tempFilePath })
    })
    swanRecorderManager.onError(err => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      console.log(err)
    })
    swanRecorderManager.start({ duration: 60000 })
  },
  stop() {
    swanRecorderManager.stop()
  }
})
