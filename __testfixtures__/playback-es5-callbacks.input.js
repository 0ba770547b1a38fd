var app = getApp()

Page({
  data: { voice: '' },

  begin: function () {
    var that = this
    wx.startRecord({
      success: function (res) {
        that.setData({ voice: res.tempFilePath })
      }
    })
  },

  end: function () {
    wx.stopRecord()
  },

  listen: function () {
    var that = this
    wx.playVoice({
      filePath: that.data.voice,
      complete: function () {
        that.setData({ listening: false })
      }
    })
    that.setData({ listening: true })
  }
})
