function showError() {
  wx.showToast({ title: '录音失败', icon: 'none' })
}

Page({
  data: { voice: '' },

  onVoiceReady(res) {
    this.setData({ voice: res.tempFilePath })
  },

  onPress() {
    wx.startRecord({
      success: this.onVoiceReady.bind(this),
      fail: showError,
    })
  },

  onRelease() {
    wx.stopRecord()
  },
})
