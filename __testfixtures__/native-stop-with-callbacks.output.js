const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: { recording: false, voice: '' },

  onTouchStart() {
    this.setData({ recording: true })
    recorderManager.onStop((res) => {
      this.setData({ voice: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  onTouchEnd() {
    var that = this
    // The path never came here: it arrives in startRecord's success.
    recorderManager.stop()
    const onStopRecordSuccess = function (res) {
      console.log('stopped', res.tempFilePath)
      that.setData({ recording: false })
    }
    const onStopRecordComplete = function () {
      app.globalData.lastStop = Date.now()
    }
    setTimeout(() => {
      try {
        onStopRecordSuccess({ errMsg: 'stopRecord:ok' })
      } finally {
        onStopRecordComplete()
      }
    })
  },
})
