const app = getApp()

Page({
  data: { recording: false, voice: '' },

  onTouchStart() {
    this.setData({ recording: true })
    wx.startRecord({
      success: (res) => {
        this.setData({ voice: res.tempFilePath })
      },
    })
  },

  onTouchEnd() {
    var that = this
    // The path never came here: it arrives in startRecord's success.
    wx.stopRecord({
      success: function (res) {
        console.log('stopped', res.tempFilePath)
        that.setData({ recording: false })
      },
      fail: function () {},
      complete() {
        app.globalData.lastStop = Date.now()
      },
    })
  },
})
