const monitor = require('../../utils/monitor')
const recorderManager = wx.getRecorderManager()

Page({
  start() {
    const onRecordFail = (err) => {
      monitor.report('record', err.errMsg)
    }
    recorderManager.onStop((res) => this.setData({ src: res.tempFilePath }))
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordFail({ errMsg: err.errMsg.replace('operateRecorder:fail', 'startRecord:fail') })
    })
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    recorderManager.stop()
  },
})
