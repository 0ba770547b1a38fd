// pages/audio/audio.js
Page({
  data: {
    tip: '点击开始',
    path: ''
  },

  startRecord: function () {
    const self = this
    self.setData({ tip: '录音中…' })
    wx.startRecord({
      success: function (res) {
        self.setData({ path: res.tempFilePath, tip: '录音完成' })
        wx.showToast({
          title: '录音完成',
          icon: 'success',
          duration: 1500
        })
      },
      fail: function (res) {
        // 录音失败：提示并确保录音已停止
        wx.showToast({
          title: '录音失败',
          icon: 'none',
          duration: 2000
        })
        self.setData({ tip: '点击开始' })
        wx.stopRecord()
      }
    })
  },

  endRecord: function () {
    wx.stopRecord()
    this.setData({ tip: '点击开始' })
  },

  callService: function () {
    wx.makePhoneCall({
      phoneNumber: '400-000-0000'
    })
  }
})
