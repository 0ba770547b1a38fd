const { playVoice } = require('./startrecord-shim')

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
  play() {
    playVoice({
      filePath: this.path,
      fail: (err) => {
        console.error('playVoice failed', err.errMsg)
      }
    })
  },
  next() {
    playVoice({ filePath: nextPath(this) })
  },
})
