// Plays without callbacks, pause and stop: written in place over one player for the page.
var recorder = require('../../utils/recorder')
var recorderManager = wx.getRecorderManager()
var innerAudioContext = wx.createInnerAudioContext()

Page({
  data: { clip: '' },

  hold: function () {
    var that = this
    recorderManager.onStop(function (res) {
      that.setData({ clip: res.tempFilePath })
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  release: function () {
    recorderManager.stop()
  },

  listen: function () {
    if (innerAudioContext.src !== this.data.clip || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = this.data.clip // 刚录的这一段
    }
    innerAudioContext.play()
  },

  pauseListening: function () {
    innerAudioContext.pause()
  },

  onHide: function () {
    innerAudioContext.stop()
    recorder.flush()
  }
})
