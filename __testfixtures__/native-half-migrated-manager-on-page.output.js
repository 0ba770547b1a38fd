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
    var onRecordSuccess = function (res) {
      that.setData({ answerPath: res.tempFilePath })
    }
    var onRecordComplete = function () {
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
      onRecordComplete()
    })
    this.recorderManager.start({ duration: 60000 })
  },

  answerEnd() {
    this.recorderManager.stop()
  }
})
