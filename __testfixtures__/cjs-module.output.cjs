'use strict'
const recorderManager = wx.getRecorderManager()

function startVoice(cb) {
  recorderManager.onStop(function (res) {
    cb(null, res.tempFilePath)
  })
  recorderManager.onError(function () {
    cb(new Error('record failed'))
  })
  recorderManager.start({ duration: 60000 })
}

function stopVoice() {
  recorderManager.stop()
}

module.exports = { startVoice, stopVoice }
