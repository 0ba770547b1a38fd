const recorderManager = wx.getRecorderManager()

Page({
  data: { src: '', error: '' },
  start() {
    recorderManager.onStop((res) => {
      this.setData({ src: res.tempFilePath })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      if (err.errMsg.indexOf('auth deny') > -1 || /auth deny/.test(err.errMsg)) {
        wx.openSetting()
      } else if (err.errMsg === "operateRecorder:fail:audio is recording, don't start record again") {
        console.warn('already recording')
      } else if (err.errMsg.startsWith('operateRecorder:fail')) {
        wx.showToast({ title: err.errMsg, icon: 'none' })
      }
    })
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    recorderManager.stop()
  },
})
