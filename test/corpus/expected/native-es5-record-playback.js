// pages/tools/recorder.js
// 录音机：录音 / 播放 / 暂停 / 停止
var util = require('../../utils/util.js')
var legacyStopVoice = require('./startrecord-shim').stopVoice
var legacyPlayVoice = require('./startrecord-shim').playVoice
var legacyPauseVoice = require('./startrecord-shim').pauseVoice
var recorderManager = wx.getRecorderManager()

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
      legacyStopVoice()
    }
    that.setData({ recording: true, recordSeconds: 0, playing: false, paused: false })
    that.recordTimer = setInterval(function () {
      that.setData({ recordSeconds: that.data.recordSeconds + 1 })
    }, 1000)
    var onRecordSuccess = function (res) {
      that.setData({ voicePath: res.tempFilePath })
    }
    var onRecordComplete = function () {
      clearInterval(that.recordTimer)
      that.setData({ recording: false })
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
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },

  stopRecord: function () {
    recorderManager.stop()
  },

  playVoice: function () {
    var that = this
    if (!that.data.voicePath) {
      wx.showToast({ title: '还没有录音', icon: 'none' })
      return
    }
    that.setData({ playing: true, paused: false })
    legacyPlayVoice({
      filePath: that.data.voicePath,
      complete: function () {
        // 播放结束
        that.setData({ playing: false, paused: false })
      }
    })
  },

  pauseVoice: function () {
    legacyPauseVoice()
    this.setData({ paused: true })
  },

  stopVoice: function () {
    legacyStopVoice()
    this.setData({ playing: false, paused: false })
  },

  formatTime: function (s) {
    return util.formatSeconds(s)
  },

  onUnload: function () {
    clearInterval(this.recordTimer)
    legacyStopVoice()
  }
})
