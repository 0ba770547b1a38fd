// pages/memo/memo.js
var app = getApp()
var recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false, tip: '' },

  start: function () {
    this.setData({ recording: true })
    recorderManager.onStop(function (res) {
      app.globalData.memo = res.tempFilePath
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  // 停止时顺便更新界面；以前以为 stopRecord 会给出文件路径
  stop: function () {
    var that = this
    recorderManager.stop()
    setTimeout(function () {
      var res = { errMsg: 'stopRecord:ok' }
      console.log('stopped', res.errMsg)
      that.setData({ recording: false, tip: res.tempFilePath ? '已保存' : '录音结束' })
    })
  },

  onHide: function () {
    recorderManager.stop()
    setTimeout(function () {
      app.globalData.memoHidden = true
    })
  }
})
