// utils/recorder.js: shared by the chat and the diary pages
function startVoice(onDone, onFail) {
  wx.startRecord({
    success: function (res) {
      onDone(res.tempFilePath)
    },
    fail: function () {
      onFail('录音失败')
    }
  })
}

function stopVoice() {
  wx.stopRecord()
}

module.exports = {
  startVoice: startVoice,
  stopVoice: stopVoice
}
