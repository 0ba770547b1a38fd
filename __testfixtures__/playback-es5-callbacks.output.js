var app = getApp()
var recorderManager = wx.getRecorderManager()
var innerAudioContext = wx.createInnerAudioContext()

Page({
  data: { voice: '' },

  begin: function () {
    var that = this
    recorderManager.onStop(function (res) {
      that.setData({ voice: res.tempFilePath })
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  end: function () {
    recorderManager.stop()
  },

  listen: function () {
    var that = this
    innerAudioContext.offEnded()
    innerAudioContext.offError()
    var onPlayVoiceComplete = function () {
      that.setData({ listening: false })
    }
    innerAudioContext.onEnded(onPlayVoiceComplete)
    innerAudioContext.onError(onPlayVoiceComplete)
    if (innerAudioContext.src !== that.data.voice || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = that.data.voice
    }
    innerAudioContext.play()
    that.setData({ listening: true })
  }
})
