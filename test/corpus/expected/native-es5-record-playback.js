// pages/tools/recorder.js
// 录音机：录音 / 播放 / 暂停 / 停止
var util = require('../../utils/util.js')
var recorderManager = wx.getRecorderManager()
var innerAudioContext = wx.createInnerAudioContext()

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
      innerAudioContext.stop()
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
    innerAudioContext.offEnded()
    innerAudioContext.offError()
    var onPlayVoiceComplete = function () {
      // 播放结束
      that.setData({ playing: false, paused: false })
    }
    innerAudioContext.onEnded(onPlayVoiceComplete)
    innerAudioContext.onError(onPlayVoiceComplete)
    if (innerAudioContext.src !== that.data.voicePath || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = that.data.voicePath
    }
    innerAudioContext.play()
  },

  pauseVoice: function () {
    innerAudioContext.pause()
    this.setData({ paused: true })
  },

  stopVoice: function () {
    innerAudioContext.stop()
    this.setData({ playing: false, paused: false })
  },

  formatTime: function (s) {
    return util.formatSeconds(s)
  },

  onUnload: function () {
    clearInterval(this.recordTimer)
    innerAudioContext.stop()
  }
})
