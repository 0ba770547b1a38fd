// Plays whose old behaviour the new API cannot write down plainly go to the shim, and
// every playback call of the file goes with them (one player).
const { playVoice, pauseVoice } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

Page({
  record() {
    recorderManager.onStop((res) => { this.path = res.tempFilePath })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    recorderManager.stop()
  },
  async listenAndScore() {
    await playVoice({ filePath: this.path })
    this.setData({ listened: true })
  },
  preview() {
    playVoice({ filePath: this.path, duration: 3 })
  },
  pause() {
    pauseVoice()
  },
})
