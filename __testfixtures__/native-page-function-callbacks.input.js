// pages/voice/voice.js
const app = getApp()

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
    wx.startRecord({
      success: function (res) {
        that.setData({ recording: false, voicePath: res.tempFilePath })
        wx.uploadFile({
          url: app.globalData.api + '/voice',
          filePath: res.tempFilePath,
          name: 'file'
        })
      },
      fail: function () {
        that.setData({ recording: false })
        wx.showToast({ title: '录音失败', icon: 'none' })
      }
    })
  },

  handleTouchEnd: function () {
    wx.stopRecord()
  },

  onUnload: function () {
    wx.stopRecord()
  }
})
