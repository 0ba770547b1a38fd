// pages/memo/memo.js
var app = getApp()

Page({
  data: { recording: false, tip: '' },

  start: function () {
    this.setData({ recording: true })
    wx.startRecord({
      success: function (res) {
        app.globalData.memo = res.tempFilePath
      }
    })
  },

  // 停止时顺便更新界面；以前以为 stopRecord 会给出文件路径
  stop: function () {
    var that = this
    wx.stopRecord({
      success: function (res) {
        console.log('stopped', res.errMsg)
        that.setData({ recording: false, tip: res.tempFilePath ? '已保存' : '录音结束' })
      },
      fail: function () {
        wx.showToast({ title: '停止失败', icon: 'none' })
      }
    })
  },

  onHide: function () {
    wx.stopRecord({
      complete: function () {
        app.globalData.memoHidden = true
      }
    })
  }
})
