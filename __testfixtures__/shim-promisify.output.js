const { promisify } = require('../../utils/promisify')
const { startRecord, stopRecord } = require('./startrecord-shim')

const startRecordAsync = promisify(startRecord)

Page({
  data: { a: '', b: '' },
  async recordWithPromise() {
    const res = await startRecordAsync()
    this.setData({ a: res.tempFilePath })
  },
  recordWithCallback() {
    startRecord({
      success: (res) => {
        this.setData({ b: res.tempFilePath })
      }
    })
  },
  stop() {
    stopRecord()
  }
})
