// pages/interview/answer.js
// 模拟面试：每道题录一段语音回答
var app = getApp()
var questions = require('../../data/questions.js')

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
    wx.startRecord({
      // 录音结束（手动停止或满 60 秒）后拿到文件
      success: function (res) {
        var answers = that.data.answers.concat([{
          q: that.data.index,
          file: res.tempFilePath
        }])
        that.setData({ answers: answers, answering: false })
      },
      fail: function (res) {
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
      }
      // complete: function () {
      //   console.log('answer done')
      // }
    })
  },

  stopAnswer: function () {
    wx.stopRecord()
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
