// pages/mine/voice-intro.js
// 个人主页的语音介绍
const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    introUrl: '',
    recording: false,
    seconds: 0
  },

  onShow() {
    this.setData({ introUrl: app.globalData.profile.voiceIntro || '' })
  },

  startIntro() {
    const rm = wx.getRecorderManager()
    rm.onStop((res) => {
      this.setData({ recording: false })
      this.uploadIntro(res.tempFilePath, Math.round(res.duration / 1000))
    })
    rm.onError(() => {
      this.setData({ recording: false })
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    rm.start({ duration: 30000, format: 'aac' })
    this.setData({ recording: true })
  },

  stopIntro() {
    // 旧代码遗留
    recorderManager.stop()
  },

  uploadIntro(path, seconds) {
    wx.uploadFile({
      url: app.globalData.host + '/profile/voice-intro',
      filePath: path,
      name: 'file',
      formData: { seconds },
      success: (res) => {
        const { url } = JSON.parse(res.data)
        app.globalData.profile.voiceIntro = url
        this.setData({ introUrl: url, seconds })
      }
    })
  },

  onHide() {
    if (this.data.recording) {
      recorderManager.stop()
    }
  }
})
