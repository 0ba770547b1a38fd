// @ts-nocheck
// miniprogram/pages/greeting/greeting.ts
// 录一句祝福语；列表里只试听前 3 秒
interface GreetingData {
  path: string
  recording: boolean
  previewing: boolean
}

Page<GreetingData, WechatMiniprogram.IAnyObject>({
  data: {
    path: '',
    recording: false,
    previewing: false,
  },

  onHoldStart() {
    this.setData({ recording: true })
    wx.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath })
      },
      complete: () => {
        this.setData({ recording: false })
      },
    })
  },

  onHoldEnd() {
    wx.stopRecord()
  },

  onPreview() {
    this.setData({ previewing: true })
    wx.playVoice({
      filePath: this.data.path,
      duration: 3,
      complete: () => {
        this.setData({ previewing: false })
      },
    })
  },

  onStopPreview() {
    wx.stopVoice()
    this.setData({ previewing: false })
  },
})
