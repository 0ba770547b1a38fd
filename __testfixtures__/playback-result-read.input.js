Page({
  record() {
    wx.startRecord({ success: (res) => { this.path = res.tempFilePath } })
  },
  stop() {
    wx.stopRecord()
  },
  play() {
    wx.playVoice({
      filePath: this.path,
      fail: (err) => {
        console.error('playVoice failed', err.errMsg)
      }
    })
  },
  next() {
    wx.playVoice({ filePath: nextPath(this) })
  },
})
