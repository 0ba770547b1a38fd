const recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false, path: '' },

  start() {
    wx.showLoading({ title: '录音中' })
    this.setData({ recording: true })
    const onRecordSuccess = (res) => {
      this.setData({ path: res.tempFilePath })
    }
    const onRecordFail = () => {
      wx.showToast({ title: '录音失败', icon: 'none' })
    }
    const onRecordComplete = () => {
      wx.hideLoading()
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
      try {
        onRecordFail()
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.start({ duration: 60000 })
  },

  stop() {
    recorderManager.stop()
  },
})
