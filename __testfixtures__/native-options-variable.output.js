const recorderManager = wx.getRecorderManager()

Page({
  data: { voice: '' },
  start() {
    const that = this
    // 最长录 30 秒
    recorderManager.onStop(function (res) {
      that.setData({ voice: res.tempFilePath })
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 30000 })
  },
  stop() {
    recorderManager.stop()
  },
})
