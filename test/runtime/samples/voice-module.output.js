// Sample (hand-written): a module of exported wrappers other pages call.
const recorderManager = wx.getRecorderManager()

export function startVoice() {
  recorderManager.onStop(function (res) {
    console.log('voice saved at', res.tempFilePath)
    wx.setStorageSync('lastVoice', res.tempFilePath)
    console.log('voice done')
  })
  recorderManager.onError(function (err) {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    console.error(err.errMsg)
    console.log('voice done')
  })
  recorderManager.start({ duration: 60000 })
}

export function stopVoice() {
  recorderManager.stop()
}
