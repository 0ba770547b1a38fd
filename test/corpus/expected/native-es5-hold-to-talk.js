// pages/message/voice.js
// 按住说话：按下开始录音，松开结束并上传到服务器
var app = getApp()
var api = require('../../utils/api.js')
var recorderManager = wx.getRecorderManager()

Page({
  data: {
    recording: false,
    seconds: 0,
    tipText: '按住 说话',
    messages: []
  },

  timer: null,

  onLoad: function (options) {
    this.setData({
      roomId: options.roomId || ''
    })
  },

  // 手指按下
  handleTouchStart: function (e) {
    var that = this
    that.setData({
      recording: true,
      seconds: 0,
      tipText: '松开 结束'
    })
    // 计时器，显示已录制秒数
    that.timer = setInterval(function () {
      that.setData({
        seconds: that.data.seconds + 1
      })
    }, 1000)

    recorderManager.onStop(function (res) {
      var tempFilePath = res.tempFilePath
      if (that.data.seconds < 1) {
        wx.showToast({ title: '说话时间太短', icon: 'none' })
        return
      }
      wx.showLoading({ title: '发送中' })
      wx.uploadFile({
        url: app.globalData.host + '/im/voice/upload',
        filePath: tempFilePath,
        name: 'voice',
        formData: {
          roomId: that.data.roomId,
          seconds: that.data.seconds
        },
        success: function (uploadRes) {
          var body = JSON.parse(uploadRes.data)
          var list = that.data.messages
          list.push({ type: 'voice', url: body.url, seconds: that.data.seconds })
          that.setData({ messages: list })
        },
        fail: function () {
          wx.showToast({ title: '上传失败', icon: 'none' })
        },
        complete: function () {
          wx.hideLoading()
        }
      })
    })
    recorderManager.onError(function (res) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (res.errMsg.indexOf('audio is stop') !== -1) return
      clearInterval(that.timer)
      that.setData({ recording: false, tipText: '按住 说话' })
      wx.showModal({
        title: '提示',
        content: '录音失败，请检查麦克风权限',
        showCancel: false
      })
    })
    recorderManager.start({ duration: 60000 })
  },

  // 手指松开
  handleTouchEnd: function () {
    clearInterval(this.timer)
    this.setData({
      recording: false,
      tipText: '按住 说话'
    })
    recorderManager.stop()
  },

  // 手指移出按钮，视为取消
  handleTouchCancel: function () {
    clearInterval(this.timer)
    this.setData({ recording: false, tipText: '按住 说话' })
    recorderManager.stop()
  },

  onShareAppMessage: function () {
    return api.shareInfo()
  }
})
