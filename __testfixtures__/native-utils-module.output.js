// utils/recorder.js: shared by the chat and the diary pages
var recorderManager = wx.getRecorderManager()

function startVoice(onDone, onFail) {
  recorderManager.onStop(function (res) {
    onDone(res.tempFilePath)
  })
  recorderManager.onError(function (err) {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    onFail('录音失败')
  })
  recorderManager.start({ duration: 60000 })
}

function stopVoice() {
  recorderManager.stop()
}

module.exports = {
  startVoice: startVoice,
  stopVoice: stopVoice
}
