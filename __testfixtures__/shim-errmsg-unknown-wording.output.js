const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  start() {
    startRecord({
      success: (res) => {
        this.setData({ src: res.tempFilePath })
        if (res.errMsg === 'startRecord:ok') console.log('done')
      },
      fail: (err) => {
        if (err.errMsg.indexOf('record_error') > -1 || err.errMsg.includes('auth denied')) {
          this.retry()
        }
      },
    })
  },
  stop() {
    stopRecord()
  },
})
