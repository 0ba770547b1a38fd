const recorderManager = wx.getRecorderManager()

function showError() {
  wx.showToast({ title: '录音失败', icon: 'none' })
}

Page({
  data: { voice: '' },

  onVoiceReady(res) {
    this.setData({ voice: res.tempFilePath })
  },

  onPress() {
    recorderManager.onStop(this.onVoiceReady.bind(this))
    recorderManager.onError(showError)
    recorderManager.start({ duration: 60000 })
  },

  onRelease() {
    recorderManager.stop()
  },
})
