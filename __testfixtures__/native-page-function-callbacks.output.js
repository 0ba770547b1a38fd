// pages/voice/voice.js
const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    recording: false,
    voicePath: ''
  },

  onLoad: function (options) {
    this.setData({ title: options.title || '语音留言' })
  },

  handleTouchStart: function () {
    var that = this
    that.setData({ recording: true })
    recorderManager.onStop(function (res) {
      that.setData({ recording: false, voicePath: res.tempFilePath })
      wx.uploadFile({
        url: app.globalData.api + '/voice',
        filePath: res.tempFilePath,
        name: 'file'
      })
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      that.setData({ recording: false })
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  },

  handleTouchEnd: function () {
    recorderManager.stop()
  },

  onUnload: function () {
    recorderManager.stop()
  }
})
