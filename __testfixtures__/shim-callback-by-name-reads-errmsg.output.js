const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  onRecorded(res) {
    if (res.errMsg === 'startRecord:ok') this.setData({ voice: res.tempFilePath })
  },
  onPress() {
    startRecord({ success: this.onRecorded.bind(this) })
  },
  onRelease() {
    stopRecord()
  },
})
