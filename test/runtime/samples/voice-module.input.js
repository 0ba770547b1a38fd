// Sample (hand-written): a module of exported wrappers other pages call.
export function startVoice() {
  wx.startRecord({
    success(res) {
      console.log('voice saved at', res.tempFilePath)
      wx.setStorageSync('lastVoice', res.tempFilePath)
    },
    fail(err) {
      console.error(err.errMsg)
    },
    complete() {
      console.log('voice done')
    },
  })
}

export function stopVoice() {
  wx.stopRecord()
}
