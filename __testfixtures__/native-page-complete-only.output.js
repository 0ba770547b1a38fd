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
    recorderManager.onError(function () {
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },
  finish: function () {
    recorderManager.stop()
  }
})
