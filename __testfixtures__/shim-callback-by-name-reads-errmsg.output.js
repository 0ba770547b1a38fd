const { startRecord } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

Page({
  onRecorded(res) {
    if (res.errMsg === 'startRecord:ok') this.setData({ voice: res.tempFilePath })
  },
  onPress() {
    startRecord({ success: this.onRecorded.bind(this) })
  },
  onRelease() {
    recorderManager.stop()
  },
})
