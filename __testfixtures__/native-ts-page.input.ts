// pages/dictation/dictation.ts (native mini program written in TypeScript)
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
    wx.startRecord({
      success: (res) => {
        this.setData({ recording: false, clip: res.tempFilePath })
      },
      fail: () => {
        this.setData({ recording: false })
      },
    })
  },

  onRelease() {
    wx.stopRecord()
  },

  onUnload() {
    wx.stopRecord()
  },
})
