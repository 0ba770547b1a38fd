const monitor = require('../../utils/monitor')

Page({
  start() {
    wx.startRecord({
      success: (res) => this.setData({ src: res.tempFilePath }),
      fail: (err) => {
        monitor.report('record', err.errMsg)
      },
    })
  },
  stop() {
    wx.stopRecord()
  },
})
