// pages/practice/reading.js
// 朗读练习：授权后开始录音，30 秒自动结束
var app = getApp()
var recorderManager = wx.getRecorderManager()
var MAX_SECONDS = 30

Page({
  data: {
    article: null,
    left: MAX_SECONDS,
    status: 'idle', // idle | recording | done
    recordFile: ''
  },

  countdown: null,
  autoStop: null,

  onLoad: function (query) {
    var that = this
    app.request('/reading/article/' + query.id).then(function (data) {
      that.setData({ article: data })
    })
  },

  tapStart: function () {
    var that = this
    wx.getSetting({
      success: function (res) {
        if (res.authSetting['scope.record'] === false) {
          wx.openSetting({})
          return
        }
        wx.authorize({
          scope: 'scope.record',
          success: function () {
            that.beginRecord()
          }
        })
      }
    })
  },

  beginRecord: function () {
    var that = this
    that.setData({ status: 'recording', left: MAX_SECONDS })
    recorderManager.onStop(function (res) {
      that.setData({ status: 'done', recordFile: res.tempFilePath })
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      that.setData({ status: 'idle' })
    })
    // 安卓上的录音时长，单位秒
    recorderManager.start({ duration: 30000 })
    that.countdown = setInterval(function () {
      var left = that.data.left - 1
      that.setData({ left: left })
      if (left <= 0) {
        clearInterval(that.countdown)
      }
    }, 1000)
    // 到时间自动停止
    that.autoStop = setTimeout(function () {
      recorderManager.stop()
    }, MAX_SECONDS * 1000)
  },

  tapFinish: function () {
    clearInterval(this.countdown)
    clearTimeout(this.autoStop)
    recorderManager.stop()
  },

  submit: function () {
    if (!this.data.recordFile) {
      wx.showToast({ title: '请先录音', icon: 'none' })
      return
    }
    wx.uploadFile({
      url: app.globalData.apiBase + '/reading/submit',
      filePath: this.data.recordFile,
      name: 'file',
      success: function () {
        wx.navigateBack()
      }
    })
  }
})
