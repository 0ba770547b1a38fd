// utils/voice.mjs
const recorderManager = wx.getRecorderManager()

export function recordVoice(onDone) {
  recorderManager.onStop(function ({ tempFilePath }) {
    onDone(tempFilePath)
  })
  recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
  recorderManager.start({ duration: 60000 })
}

export function stopVoice() {
  recorderManager.stop()
}
