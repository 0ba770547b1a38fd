// pages/mic-test/mic-test.js
// 麦克风测试：录一小段，结束后马上回放给用户听
const { playVoice, stopVoice } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

Page({
  data: {
    testing: false,
    result: ''
  },

  startTest() {
    this.setData({ testing: true, result: '' })
    const onRecordSuccess = (res) => {
      this.setData({ result: '录音成功，正在回放…' })
      playVoice({
        filePath: res.tempFilePath,
        success: () => {
          this.setData({ result: '如果能听到声音，说明麦克风正常' })
        },
        fail: () => {
          this.setData({ result: '回放失败' })
        }
      })
      // 最多回放 5 秒
      setTimeout(() => stopVoice(), 5000)
    }
    const onRecordFail = () => {
      this.setData({ result: '无法录音，请检查权限' })
    }
    const onRecordComplete = () => {
      this.setData({ testing: false })
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
      try {
        onRecordFail()
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.start({ duration: 60000 })
    // 录 3 秒自动结束
    setTimeout(() => {
      recorderManager.stop()
    }, 3000)
  },

  openSetting() {
    wx.openSetting()
  }
})
