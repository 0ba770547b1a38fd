// Recording moved to the manager by hand earlier; the playback of its aac files moves now.
const recorderManager = wx.getRecorderManager()
Page({
  onLoad() {
    recorderManager.onStop((res) => this.setData({ path: res.tempFilePath }))
  },
  start() { recorderManager.start({ duration: 60000 }) },
  stop() { recorderManager.stop() },
  play() { wx.playVoice({ filePath: this.data.path }) },
})
