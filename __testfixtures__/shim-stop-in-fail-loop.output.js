const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  data: { path: '', error: '' },
  start() {
    const that = this
    startRecord({
      success: function (res) {
        that.setData({ path: res.tempFilePath })
      },
      fail: function () {
        stopRecord()
        that.setData({ error: 'mic busy' })
      }
    })
  },
  stop() {
    stopRecord()
  }
})
