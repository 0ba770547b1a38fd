const { startRecord, stopRecord } = require('./startrecord-shim')

const recordOptions = {
  success: (res) => getApp().globalData.voices.push(res.tempFilePath),
}

Page({
  start() {
    startRecord(recordOptions)
  },
  stopWithCallback() {
    stopRecord({
      success(res) {
        console.log(res.tempFilePath)
      },
    })
  },
})
