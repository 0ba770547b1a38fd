// utils/voice.js: one helper for every host the project is built for
export function startVoice(platform, page) {
  if (platform === 'tt') {
    tt.startRecord()
    return
  }
  const camera = wx.createCameraContext()
  if (page.data.withVideo) camera.startRecord({ success: () => page.setData({ filming: true }) })
  const recorderManager = wx.getRecorderManager()
  recorderManager.onStop((res) => page.setData({ voice: res.tempFilePath }))
  recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
  recorderManager.start({ duration: 60000 })
}

export function stopVoice() {
  wx.getRecorderManager().stop()
}
