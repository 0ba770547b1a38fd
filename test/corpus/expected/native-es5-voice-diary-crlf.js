// pages/diary/edit.js
// 语音日记：点一下开始，再点一下结束
var util = require('../../utils/util.js')
var recorderManager = wx.getRecorderManager()
var recordTimer = null

Page({

  /**
   * 页面的初始数据
   */
  data: {
    isRecording: false,
    recordTime: '00:00',
    voicePath: '',
    content: ''
  },

  /**
   * 生命周期函数--监听页面加载
   */
  onLoad: function (options) {
    var draft = wx.getStorageSync('diary_draft')
    if (draft) {
      this.setData({ content: draft.content, voicePath: draft.voicePath })
    }
  },

  toggleRecord: function () {
    var that = this
    if (that.data.isRecording) {
      // 结束录音
      recorderManager.stop()
      that.setData({ isRecording: false })
      return
    }
    var count = 0
    that.setData({ isRecording: true, recordTime: '00:00' })
    recordTimer = setInterval(function () {
      count++
      that.setData({ recordTime: util.formatSeconds(count) })
    }, 1000)
    var onRecordSuccess = function (res) {
      that.setData({ voicePath: res.tempFilePath })
      wx.setStorageSync('diary_draft', {
        content: that.data.content,
        voicePath: res.tempFilePath
      })
    }
    var onRecordFail = function (err) {
      console.log('录音失败', err)
      wx.showToast({ title: '录音失败', icon: 'none' })
    }
    var onRecordComplete = function () {
      clearInterval(recordTimer)
      that.setData({ isRecording: false })
    }
    recorderManager.onStop(function (res) {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      try {
        onRecordFail(err)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.start({ duration: 60000 })
  },

  bindInput: function (e) {
    this.setData({ content: e.detail.value })
  },

  /**
   * 生命周期函数--监听页面隐藏
   */
  onHide: function () {

  },

  /**
   * 生命周期函数--监听页面卸载
   */
  onUnload: function () {
    clearInterval(recordTimer)
    recorderManager.stop()
  }
})
