// utils/voice.js: one helper for every host the project is built for
export function startVoice(platform, page) {
  if (platform === 'tt') {
    tt.startRecord()
    return
  }
  const camera = wx.createCameraContext()
  if (page.data.withVideo) camera.startRecord({ success: () => page.setData({ filming: true }) })
  wx.startRecord({
    success: (res) => page.setData({ voice: res.tempFilePath }),
  })
}

export function stopVoice() {
  wx.stopRecord()
}
