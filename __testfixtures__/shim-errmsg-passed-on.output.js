const monitor = require('../../utils/monitor')
const { startRecord, stopRecord } = require('./startrecord-shim')

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
    stopRecord()
  },
})
