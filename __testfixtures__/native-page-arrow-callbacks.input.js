Page({
  data: { src: '', seconds: 0 },

  startVoice() {
    this.setData({ seconds: 0 })
    this.timer = setInterval(() => {
      this.setData({ seconds: this.data.seconds + 1 })
    }, 1000)
    wx.startRecord({
      success: (res) => {
        clearInterval(this.timer)
        this.setData({ src: res.tempFilePath })
      },
      fail: (err) => {
        clearInterval(this.timer)
        console.error('record failed', err)
      },
    })
  },

  stopVoice() {
    wx.stopRecord()
  },

  play() {
    const audio = wx.createInnerAudioContext()
    audio.src = this.data.src
    audio.play()
  },
})
