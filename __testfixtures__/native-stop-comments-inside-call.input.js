// pages/voice/voice.js
var app = getApp()

Page({
  data: { recording: false },

  onPressStart: function () {
    var that = this
    that.setData({ recording: true })
    wx.startRecord({
      // 录音结束后保存路径
      success: function (res) {
        app.globalData.lastVoice = res.tempFilePath
      }
      // complete: function () {}
    })
  },

  onPressEnd: function () {
    this.setData({ recording: false })
    wx.stopRecord({ /* 松开即停止，文件在 startRecord 的 success 里 */ })
  },

  onUnload: function () {
    wx.stopRecord({
      // 离开页面时停止
    })
  }
})
