const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  data: { memo: '', message: '' },
  recordMemo() {
    startRecord({
      duration: 30,
      success: (res) => {
        this.setData({ memo: res.tempFilePath })
      }
    })
  },
  recordMessage() {
    startRecord({
      duration: 1200,
      success: (res) => {
        this.setData({ message: res.tempFilePath })
      }
    })
  },
  stopAll() {
    stopRecord()
  }
})
