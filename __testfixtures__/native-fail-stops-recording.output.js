const recorderManager = wx.getRecorderManager()

Page({
  data: { path: '', error: '' },
  start() {
    const that = this
    recorderManager.onStop(function (res) {
      that.setData({ path: res.tempFilePath })
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      recorderManager.stop()
      that.setData({ error: 'mic busy' })
    })
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    recorderManager.stop()
  }
})
