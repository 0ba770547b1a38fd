var recorderManager = wx.getRecorderManager()

Page({
  data: { file: '' },
  onStart: function () {
    var that = this
    recorderManager.onStop(function (res) {
      that.setData({ file: res.tempFilePath })
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  onEnd: function () {
    recorderManager.stop()
  }
})
