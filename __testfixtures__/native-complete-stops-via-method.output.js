const recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false },
  onTouchStart() {
    this.setData({ recording: true })
    const onRecordSuccess = (res) => {
      this.setData({ file: res.tempFilePath })
    }
    const onRecordComplete = () => {
      this.onTouchEnd()
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
  onTouchEnd() {
    recorderManager.stop()
    this.setData({ recording: false })
  },
})
