const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false, error: '' },

  async onRecordTap() {
    try {
      this.setData({ recording: true, error: '' })
      // 带回调时 startRecord 不返回 Promise，await 立即结束
      recorderManager.onStop((res) => {
        app.globalData.voice = res.tempFilePath
        this.setData({ recording: false })
      })
      recorderManager.onError((err) => {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        this.setData({ recording: false, error: '录音失败' })
      })
      recorderManager.start({ duration: 60000 })
      wx.vibrateShort({ type: 'light' })
    } catch (e) {
      this.setData({ recording: false, error: '录音组件异常' })
    }
  },

  onStopTap() {
    recorderManager.stop()
  },
})
