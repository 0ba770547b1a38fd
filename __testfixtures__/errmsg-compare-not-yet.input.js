Page({
  start() {
    wx.startRecord({
      success: (res) => {
        this.setData({ src: res.tempFilePath })
      },
      fail: (err) => {
        if (err.errMsg.indexOf('auth deny') > -1) {
          wx.openSetting()
        }
      },
    })
  },
})
