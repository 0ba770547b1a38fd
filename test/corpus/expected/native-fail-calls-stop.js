// pages/audio/audio.js
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    tip: '点击开始',
    path: ''
  },

  startRecord: function () {
    const self = this
    self.setData({ tip: '录音中…' })
    recorderManager.onStop(function (res) {
      self.setData({ path: res.tempFilePath, tip: '录音完成' })
      wx.showToast({
        title: '录音完成',
        icon: 'success',
        duration: 1500
      })
    })
    recorderManager.onError(function (res) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (res.errMsg.indexOf('audio is stop') !== -1) return
      // 录音失败：提示并确保录音已停止
      wx.showToast({
        title: '录音失败',
        icon: 'none',
        duration: 2000
      })
      self.setData({ tip: '点击开始' })
      recorderManager.stop()
    })
    recorderManager.start({ duration: 60000 })
  },

  endRecord: function () {
    recorderManager.stop()
    this.setData({ tip: '点击开始' })
  },

  callService: function () {
    wx.makePhoneCall({
      phoneNumber: '400-000-0000'
    })
  }
})
