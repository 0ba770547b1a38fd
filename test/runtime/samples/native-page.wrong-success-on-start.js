// Sample (hand-written, deliberately WRONG): success moved to onStart, the classic
// mistake of reading startRecord's success as "recording has started".
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    recording: false,
    src: '',
  },

  onTouchStart() {
    var that = this
    recorderManager.onStart((res) => {
      this.setData({ src: res && res.tempFilePath, recording: false })
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
