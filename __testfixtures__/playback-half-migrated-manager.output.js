// Recording moved to the manager by hand earlier; the playback of its aac files moves now.
const recorderManager = wx.getRecorderManager()
const innerAudioContext = wx.createInnerAudioContext()
Page({
  onLoad() {
    recorderManager.onStop((res) => this.setData({ path: res.tempFilePath }))
  },
  start() { recorderManager.start({ duration: 60000 }) },
  stop() { recorderManager.stop() },
  play() { if (innerAudioContext.src !== this.data.path || !innerAudioContext.paused) {
    innerAudioContext.stop()
    innerAudioContext.src = this.data.path
  }
  innerAudioContext.play() },
})
