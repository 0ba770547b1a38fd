const app = getApp()
const { startRecord: legacyStartRecord, stopRecord: legacyStopRecord } = require('./startrecord-shim')

Page({
  data: { recording: false },

  // 页面方法与旧接口同名
  startRecord() {
    this.setData({ recording: true })
    legacyStartRecord().then((res) => {
      app.globalData.lastVoice = res.tempFilePath
    })
  },

  stopRecord() {
    this.setData({ recording: false })
    legacyStopRecord()
  },
})
