var app = getApp()
var playVoice = require('./startrecord-shim').playVoice
var recorderManager = wx.getRecorderManager()

Page({
  data: { voice: '' },

  begin: function () {
    var that = this
    recorderManager.onStop(function (res) {
      that.setData({ voice: res.tempFilePath })
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  end: function () {
    recorderManager.stop()
  },

  listen: function () {
    var that = this
    playVoice({
      filePath: that.data.voice,
      complete: function () {
        that.setData({ listening: false })
      }
    })
    that.setData({ listening: true })
  }
})
