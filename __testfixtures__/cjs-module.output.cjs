'use strict'
var recorderManager = wx.getRecorderManager()

function startVoice(cb) {
  recorderManager.onStop(function (res) {
    cb(null, res.tempFilePath)
  })
  recorderManager.onError(function (err) {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    cb(new Error('record failed'))
  })
  recorderManager.start({ duration: 60000 })
}

function stopVoice() {
  recorderManager.stop()
}

module.exports = { startVoice, stopVoice }
