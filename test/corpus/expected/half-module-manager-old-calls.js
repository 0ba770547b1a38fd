// pages/voice/voice.js
const app = getApp()
// TODO: 录音统一改用 RecorderManager（startRecord 已废弃）
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    recording: false,
    voicePath: '',
    duration: 0
  },

  onLoad() {
    this.beginAt = 0
  },

  // 开始录音
  recordStart() {
    this.beginAt = Date.now()
    this.setData({ recording: true })
    recorderManager.onStop((res) => {
      this.setData({
        voicePath: res.tempFilePath,
        duration: Math.round((Date.now() - this.beginAt) / 1000)
      })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      this.setData({ recording: false })
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  },

  // 结束录音
  recordEnd() {
    this.setData({ recording: false })
    recorderManager.stop()
    // recorderManager.stop()
  },

  submit() {
    const { voicePath, duration } = this.data
    if (!voicePath) return
    wx.uploadFile({
      url: `${app.globalData.baseUrl}/voice/upload`,
      filePath: voicePath,
      name: 'file',
      formData: { duration },
      success: () => wx.navigateBack()
    })
  }
})
