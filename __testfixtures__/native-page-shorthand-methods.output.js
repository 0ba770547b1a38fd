const util = require('../../utils/util.js')
const recorderManager = wx.getRecorderManager()

Page({
  data: { tempFile: null },
  onRecordTap() {
    const self = this
    recorderManager.onStop(function (res) {
      self.setData({ tempFile: res.tempFilePath })
      console.log('saved', util.formatTime(new Date()))
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      wx.showModal({ title: '提示', content: '请允许使用麦克风', showCancel: false })
    })
    recorderManager.start({ duration: 60000 })
  },
  onStopTap() {
    recorderManager.stop()
  }
})
