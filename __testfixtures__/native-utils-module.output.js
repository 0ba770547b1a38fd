// utils/recorder.js: shared by the chat and the diary pages
const recorderManager = wx.getRecorderManager()

function startVoice(onDone, onFail) {
  recorderManager.onStop(function (res) {
    onDone(res.tempFilePath)
  })
  recorderManager.onError(function () {
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
