var app = getApp()
var player = wx.createInnerAudioContext()

Page({
  data: {
    recording: false,
    lastMemo: ''
  },

  // Hold the button to record, release it to stop; the file arrives in success.
  onPressStart: function () {
    var that = this
    that.setData({ recording: true })
    wx.startRecord({
      success: function (res) {
        var tempFilePath = res.tempFilePath
        that.setData({ recording: false, lastMemo: tempFilePath })
        player.src = tempFilePath
        player.play()
        that.upload(tempFilePath)
      },
      fail: function (err) {
        that.setData({ recording: false })
        wx.showToast({ title: 'Could not record', icon: 'none' })
        console.error('record failed', err)
      }
    })
  },

  onPressEnd: function () {
    wx.stopRecord()
  },

  replay: function () {
    player.src = this.data.lastMemo
    player.play()
  },

  upload: function (filePath) {
    wx.uploadFile({
      url: app.globalData.uploadUrl,
      filePath: filePath,
      name: 'memo',
      success: function () {
        wx.showToast({ title: 'Sent' })
      }
    })
  },

  onUnload: function () {
    // Leaving the page while the button is held must not keep the microphone on.
    wx.stopRecord()
  }
})
