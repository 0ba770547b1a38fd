// Sample (hand-written): a native page that records while the button is held.
Page({
  data: {
    recording: false,
    src: '',
  },

  onTouchStart() {
    var that = this
    wx.startRecord({
      success: (res) => {
        this.setData({ src: res.tempFilePath, recording: false })
        console.log('录音完成', res)
      },
      fail: function (err) {
        console.error('录音失败', err)
        that.setData({ recording: false })
        wx.showToast({ title: '录音失败', icon: 'none' })
      },
    })
    this.setData({ recording: true })
  },

  onTouchEnd() {
    wx.stopRecord()
  },

  play() {
    const audio = wx.createInnerAudioContext()
    audio.src = this.data.src
    audio.play()
  },

  onUnload() {
    wx.stopRecord()
  },
})
