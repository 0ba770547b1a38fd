const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  onTouchStart() {
    startRecord({ success: (res) => this.setData({ voice: res.tempFilePath }) })
  },
  onTouchEnd() {
    stopRecord({
      success: () => {
        this.setData({ state: 'stopped' })
      },
    })
    // This ran BEFORE the success callback above: converted code would swap them.
    this.setData({ state: 'uploading' })
  },
})
