// pages/voice/voice.js
var app = getApp()
var recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false },

  onPressStart: function () {
    var that = this
    that.setData({ recording: true })
    // 录音结束后保存路径
    recorderManager.onStop(function (res) {
      app.globalData.lastVoice = res.tempFilePath
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    // complete: function () {}
    recorderManager.start({ duration: 60000 })
  },

  onPressEnd: function () {
    this.setData({ recording: false })
    recorderManager.stop(/* 松开即停止，文件在 startRecord 的 success 里 */)
  },

  onUnload: function () {
    recorderManager.stop(/* 离开页面时停止 */)
  }
})
