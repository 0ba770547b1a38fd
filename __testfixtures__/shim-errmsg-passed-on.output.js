const monitor = require('../../utils/monitor')
const { startRecord } = require('./startrecord-shim')
const recorderManager = wx.getRecorderManager()

Page({
  start() {
    startRecord({
      success: (res) => this.setData({ src: res.tempFilePath }),
      fail: (err) => {
        monitor.report('record', err.errMsg)
      },
    })
  },
  stop() {
    recorderManager.stop()
  },
})
