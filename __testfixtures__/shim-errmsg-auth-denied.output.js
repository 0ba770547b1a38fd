const { startRecord } = require("./startrecord-shim")

const recorderManager = wx.getRecorderManager()

Page({
  start() {
    startRecord({
      success: (res) => this.setData({ src: res.tempFilePath }),
      fail: (err) => {
        // iOS spelled it "auth denied"; the recorder manager says "auth deny"
        if (err.errMsg.includes('auth denied')) wx.openSetting()
      },
    })
  },
  stop() {
    recorderManager.stop()
  },
})
