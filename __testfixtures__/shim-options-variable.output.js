const { startRecord } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

const recordOptions = {
  success: (res) => getApp().globalData.voices.push(res.tempFilePath),
}

Page({
  start() {
    startRecord(recordOptions)
  },
  stopWithCallback() {
    recorderManager.stop()
    const res = { errMsg: 'stopRecord:ok' }
    console.log(res.tempFilePath)
  },
})
