// A braceless if around playVoice: its several new statements become one block.
const recorderManager = wx.getRecorderManager()
const innerAudioContext = wx.createInnerAudioContext()

Page({
  rec() { recorderManager.onStop((r) => { this.p = r.tempFilePath })
  recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
  recorderManager.start({ duration: 60000 }) },
  end() { recorderManager.stop() },
  play() {
    if (this.p) {
      if (innerAudioContext.src !== this.p || !innerAudioContext.paused) {
        innerAudioContext.stop()
        innerAudioContext.src = this.p
      }
      innerAudioContext.play()
    }
    else wx.showToast({ title: 'none' })
  },
})
