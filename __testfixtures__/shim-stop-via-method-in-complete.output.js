const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  data: { recording: false },
  onTouchStart() {
    this.setData({ recording: true })
    startRecord({
      success: (res) => {
        this.setData({ file: res.tempFilePath })
      },
      complete: () => {
        this.onTouchEnd()
      },
    })
  },
  onTouchEnd() {
    stopRecord()
    this.setData({ recording: false })
  },
})
