// pages/answer/answer.js
Page({
  data: { answering: false, answerPath: '' },

  onLoad() {
    var that = this
    // 先拿到管理器，准备以后替换 startRecord
    this.recorderManager = wx.getRecorderManager()
    this.recorderManager.onStop(function (res) {
      that.setData({ answerPath: res.tempFilePath })
    })
  },

  answerStart() {
    var that = this
    that.setData({ answering: true })
    wx.startRecord({
      success: function (res) {
        that.setData({ answerPath: res.tempFilePath })
      },
      complete: function () {
        that.setData({ answering: false })
      }
    })
  },

  answerEnd() {
    wx.stopRecord()
  }
})
