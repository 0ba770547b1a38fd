// utils/voice.mjs
export function recordVoice(onDone) {
  wx.startRecord({
    success({ tempFilePath }) {
      onDone(tempFilePath)
    },
  })
}

export function stopVoice() {
  wx.stopRecord()
}
