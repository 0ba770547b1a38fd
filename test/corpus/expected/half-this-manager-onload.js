// pages/question/detail.js
// 问答详情：语音回答
const app = getApp()

Page({
  data: {
    question: null,
    answering: false,
    answerPath: ''
  },

  onLoad(options) {
    var that = this
    // 获取全局唯一的录音管理器（准备替换掉下面的 startRecord）
    this.recorderManager = wx.getRecorderManager()
    this.recorderManager.onStop(function (res) {
      console.log('recorderManager stop', res)
      that.setData({ answerPath: res.tempFilePath })
    })
    this.recorderManager.onError(function (res) {
      console.log('recorderManager error', res)
    })
    wx.request({
      url: app.globalData.api + '/questions/' + options.id,
      success: function (res) {
        that.setData({ question: res.data })
      }
    })
  },

  // 按住回答
  answerStart() {
    var that = this
    that.setData({ answering: true })
    const onRecordSuccess = function (res) {
      that.setData({ answerPath: res.tempFilePath })
    }
    const onRecordFail = function () {
      wx.showToast({ title: '录音失败', icon: 'none' })
    }
    const onRecordComplete = function () {
      that.setData({ answering: false })
    }
    this.recorderManager.onStop(function (res) {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    this.recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      try {
        onRecordFail()
      } finally {
        onRecordComplete()
      }
    })
    this.recorderManager.start({ duration: 60000 })
  },

  // 松开
  answerEnd() {
    this.recorderManager.stop()
  },

  publish() {
    if (!this.data.answerPath) return
    wx.uploadFile({
      url: app.globalData.api + '/questions/' + this.data.question.id + '/answers',
      filePath: this.data.answerPath,
      name: 'voice',
      success: function () {
        wx.showToast({ title: '回答已发布' })
      }
    })
  }
})
