// Record a phrase, then listen to it: play, pause (play again resumes), stop.
Page({
  data: {
    voice: '',
    playing: false
  },

  record: function () {
    var that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ voice: res.tempFilePath })
      }
    })
  },

  finish: function () {
    wx.stopRecord()
  },

  listen: function () {
    var that = this
    that.setData({ playing: true })
    wx.playVoice({
      filePath: that.data.voice,
      complete: function () {
        that.setData({ playing: false })
      }
    })
  },

  pause: function () {
    wx.pauseVoice()
    this.setData({ playing: false })
  },

  onUnload: function () {
    wx.stopVoice()
  }
})
