const recorderManager = wx.getRecorderManager()

Page({
  onRecorded(res) {
    if (res.errMsg === 'startRecord:ok') this.setData({ voice: res.tempFilePath })
  },
  onPress() {
    const onRecordSuccess = this.onRecorded.bind(this)
    recorderManager.onStop((res) => {
      onRecordSuccess({ errMsg: 'startRecord:ok', tempFilePath: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  onRelease() {
    recorderManager.stop()
  },
})
