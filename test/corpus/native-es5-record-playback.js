// pages/tools/recorder.js
// 录音机：录音 / 播放 / 暂停 / 停止
var util = require('../../utils/util.js')

Page({
  data: {
    voicePath: '',
    recording: false,
    playing: false,
    paused: false,
    recordSeconds: 0
  },

  recordTimer: null,

  startRecord: function () {
    var that = this
    if (that.data.playing) {
      wx.stopVoice()
    }
    that.setData({ recording: true, recordSeconds: 0, playing: false, paused: false })
    that.recordTimer = setInterval(function () {
      that.setData({ recordSeconds: that.data.recordSeconds + 1 })
    }, 1000)
    wx.startRecord({
      success: function (res) {
        that.setData({ voicePath: res.tempFilePath })
      },
      complete: function () {
        clearInterval(that.recordTimer)
        that.setData({ recording: false })
      }
    })
  },

  stopRecord: function () {
    wx.stopRecord()
  },

  playVoice: function () {
    var that = this
    if (!that.data.voicePath) {
      wx.showToast({ title: '还没有录音', icon: 'none' })
      return
    }
    that.setData({ playing: true, paused: false })
    wx.playVoice({
      filePath: that.data.voicePath,
      complete: function () {
        // 播放结束
        that.setData({ playing: false, paused: false })
      }
    })
  },

  pauseVoice: function () {
    wx.pauseVoice()
    this.setData({ paused: true })
  },

  stopVoice: function () {
    wx.stopVoice()
    this.setData({ playing: false, paused: false })
  },

  formatTime: function (s) {
    return util.formatSeconds(s)
  },

  onUnload: function () {
    clearInterval(this.recordTimer)
    wx.stopVoice()
  }
})
