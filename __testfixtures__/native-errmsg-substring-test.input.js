Page({
  data: { src: '', error: '' },
  start() {
    wx.startRecord({
      success: (res) => {
        this.setData({ src: res.tempFilePath })
      },
      fail: (err) => {
        if (err.errMsg.indexOf('auth deny') > -1 || /auth deny/.test(err.errMsg)) {
          wx.openSetting()
        } else if (err.errMsg === "startRecord:fail:audio is recording, don't start record again") {
          console.warn('already recording')
        } else if (err.errMsg.startsWith('startRecord:fail')) {
          wx.showToast({ title: err.errMsg, icon: 'none' })
        }
      },
    })
  },
  stop() {
    wx.stopRecord()
  },
})
