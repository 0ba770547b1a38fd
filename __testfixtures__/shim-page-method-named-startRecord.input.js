const app = getApp()

Page({
  data: { recording: false },

  // 页面方法与旧接口同名
  startRecord() {
    this.setData({ recording: true })
    wx.startRecord().then((res) => {
      app.globalData.lastVoice = res.tempFilePath
    })
  },

  stopRecord() {
    this.setData({ recording: false })
    wx.stopRecord()
  },
})
