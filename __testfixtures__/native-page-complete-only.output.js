var recorderManager = wx.getRecorderManager()

Page({
  data: { busy: false },
  record: function () {
    var page = this
    page.setData({ busy: true })
    var onRecordComplete = function () {
      page.setData({ busy: false })
    }
    recorderManager.onStop(function () {
      onRecordComplete()
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },
  finish: function () {
    recorderManager.stop()
  }
})
