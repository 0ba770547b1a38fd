// pages/messages/voice.js: plays voice messages another page recorded (left alone)
Page({
  play(e) {
    wx.playVoice({
      filePath: e.currentTarget.dataset.path,
      complete: () => this.setData({ playing: '' })
    })
  },
  onHide() {
    wx.stopVoice()
  }
})
