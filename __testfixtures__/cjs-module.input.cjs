'use strict'

function startVoice(cb) {
  wx.startRecord({
    success: function (res) {
      cb(null, res.tempFilePath)
    },
    fail: function () {
      cb(new Error('record failed'))
    }
  })
}

function stopVoice() {
  wx.stopRecord()
}

module.exports = { startVoice, stopVoice }
