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
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      showError()
    })
    recorderManager.start({ duration: 60000 })
  },

  onRelease() {
    recorderManager.stop()
  },
})
