// Plays without callbacks, pause and stop: written in place over one player for the page.
var recorder = require('../../utils/recorder')

Page({
  data: { clip: '' },

  hold: function () {
    var that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ clip: res.tempFilePath })
      }
    })
  },

  release: function () {
    wx.stopRecord()
  },

  listen: function () {
    wx.playVoice({
      filePath: this.data.clip // 刚录的这一段
    })
  },

  pauseListening: function () {
    wx.pauseVoice()
  },

  onHide: function () {
    wx.stopVoice()
    recorder.flush()
  }
})
