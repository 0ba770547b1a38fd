// pages/interview/answer.js
// 模拟面试：每道题录一段语音回答
var app = getApp()
var questions = require('../../data/questions.js')
var recorderManager = wx.getRecorderManager()

Page({
  data: {
    index: 0,
    question: '',
    answering: false,
    answers: []
  },

  onLoad: function () {
    this.setData({ question: questions[0] })
  },

  startAnswer: function () {
    var that = this
    that.setData({ answering: true })
    // 录音结束（手动停止或满 60 秒）后拿到文件
    recorderManager.onStop(function (res) {
      var answers = that.data.answers.concat([{
        q: that.data.index,
        file: res.tempFilePath
      }])
      that.setData({ answers: answers, answering: false })
    })
    recorderManager.onError(function (res) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (res.errMsg.indexOf('audio is stop') !== -1) return
      that.setData({ answering: false })
      if (res.errMsg.indexOf('auth deny') > -1) {
        wx.showModal({
          title: '需要麦克风权限',
          content: '请在设置中打开录音权限后重试',
          confirmText: '去设置',
          success: function (r) {
            if (r.confirm) wx.openSetting()
          }
        })
      }
    })
    // complete: function () {
    //   console.log('answer done')
    // }
    recorderManager.start({ duration: 60000 })
  },

  stopAnswer: function () {
    recorderManager.stop()
  },

  nextQuestion: function () {
    var next = this.data.index + 1
    if (next >= questions.length) {
      wx.redirectTo({ url: '/pages/interview/result' })
      return
    }
    this.setData({ index: next, question: questions[next] })
  },

  onUnload: function () {
    app.globalData.lastAnswers = this.data.answers
  }
})
