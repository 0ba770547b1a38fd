// @ts-nocheck
// miniprogram/pages/greeting/greeting.ts
// 录一句祝福语；列表里只试听前 3 秒
const { playVoice, stopVoice } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()
// a module, so that the names above are this file's own
export {}

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
    const onRecordSuccess: Parameters<typeof recorderManager.onStop>[0] = (res) => {
      this.setData({ path: res.tempFilePath })
    }
    const onRecordComplete = () => {
      this.setData({ recording: false })
    }
    recorderManager.onStop((res) => {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },

  onHoldEnd() {
    recorderManager.stop()
  },

  onPreview() {
    this.setData({ previewing: true })
    playVoice({
      filePath: this.data.path,
      duration: 3,
      complete: () => {
        this.setData({ previewing: false })
      },
    })
  },

  onStopPreview() {
    stopVoice()
    this.setData({ previewing: false })
  },
})
