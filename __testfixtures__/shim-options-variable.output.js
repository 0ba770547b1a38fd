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
    const onStopRecordSuccess = function (res) {
      console.log(res.tempFilePath)
    }
    onStopRecordSuccess({ errMsg: 'stopRecord:ok' })
  },
})
