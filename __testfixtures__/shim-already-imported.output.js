const { startRecord, stopRecord } = require('./startrecord-shim')
const app = getApp()

Page({
  onRecordTap() {
    startRecord().then((res) => app.upload(res.tempFilePath))
  },
  // Added after the first migration, from an old snippet:
  onStopTap() {
    stopRecord({
      complete: () => this.setData({ recording: false }),
    })
    this.setData({ hint: '' })
  },
})
