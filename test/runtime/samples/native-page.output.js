// Sample (hand-written): a native page that records while the button is held.
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    recording: false,
    src: '',
  },

  onTouchStart() {
    var that = this
    recorderManager.onStop((res) => {
      this.setData({ src: res.tempFilePath, recording: false })
      console.log('录音完成', res)
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      console.error('录音失败', err)
      that.setData({ recording: false })
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
    this.setData({ recording: true })
  },

  onTouchEnd() {
    recorderManager.stop()
  },

  play() {
    const audio = wx.createInnerAudioContext()
    audio.src = this.data.src
    audio.play()
  },

  onUnload() {
    recorderManager.stop()
  },
})
