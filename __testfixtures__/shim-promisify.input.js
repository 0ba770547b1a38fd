const { promisify } = require('../../utils/promisify')

const startRecordAsync = promisify(wx.startRecord)

Page({
  data: { a: '', b: '' },
  async recordWithPromise() {
    const res = await startRecordAsync()
    this.setData({ a: res.tempFilePath })
  },
  recordWithCallback() {
    wx.startRecord({
      success: (res) => {
        this.setData({ b: res.tempFilePath })
      }
    })
  },
  stop() {
    wx.stopRecord()
  }
})
