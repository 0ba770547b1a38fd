const recorderManager = wx.getRecorderManager()

Page({
  data: { src: '', seconds: 0 },

  startVoice() {
    this.setData({ seconds: 0 })
    this.timer = setInterval(() => {
      this.setData({ seconds: this.data.seconds + 1 })
    }, 1000)
    recorderManager.onStop((res) => {
      clearInterval(this.timer)
      this.setData({ src: res.tempFilePath })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      clearInterval(this.timer)
      console.error('record failed', err)
    })
    recorderManager.start({ duration: 60000 })
  },

  stopVoice() {
    recorderManager.stop()
  },

  play() {
    const audio = wx.createInnerAudioContext()
    audio.src = this.data.src
    audio.play()
  },
})
