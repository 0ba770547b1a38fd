Page({
  onRecorded(res) {
    if (res.errMsg === 'startRecord:ok') this.setData({ voice: res.tempFilePath })
  },
  onPress() {
    wx.startRecord({ success: this.onRecorded.bind(this) })
  },
  onRelease() {
    wx.stopRecord()
  },
})
