// pages/dictation/dictation.ts (native mini program written in TypeScript)
const recorderManager = wx.getRecorderManager()
// a module, so that the names above are this file's own
export {}

interface DictationData {
  recording: boolean
  clip: string
}

Page<DictationData, WechatMiniprogram.IAnyObject>({
  data: {
    recording: false,
    clip: '',
  },

  onHold() {
    this.setData({ recording: true })
    recorderManager.onStop((res) => {
      this.setData({ recording: false, clip: res.tempFilePath })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      this.setData({ recording: false })
    })
    recorderManager.start({ duration: 60000 })
  },

  onRelease() {
    recorderManager.stop()
  },

  onUnload() {
    recorderManager.stop()
  },
})
