const app = getApp()

Page({
  data: { recording: false, error: '' },

  async onRecordTap() {
    try {
      this.setData({ recording: true, error: '' })
      // 带回调时 startRecord 不返回 Promise，await 立即结束
      await wx.startRecord({
        success: (res) => {
          app.globalData.voice = res.tempFilePath
          this.setData({ recording: false })
        },
        fail: () => {
          this.setData({ recording: false, error: '录音失败' })
        },
      })
      wx.vibrateShort({ type: 'light' })
    } catch (e) {
      this.setData({ recording: false, error: '录音组件异常' })
    }
  },

  onStopTap() {
    wx.stopRecord()
  },
})
