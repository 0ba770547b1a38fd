// Plays whose old behaviour the new API cannot write down plainly go to the shim, and
// every playback call of the file goes with them (one player).
Page({
  record() {
    wx.startRecord({ success: (res) => { this.path = res.tempFilePath } })
  },
  stop() {
    wx.stopRecord()
  },
  async listenAndScore() {
    await wx.playVoice({ filePath: this.path })
    this.setData({ listened: true })
  },
  preview() {
    wx.playVoice({ filePath: this.path, duration: 3 })
  },
  pause() {
    wx.pauseVoice()
  },
})
