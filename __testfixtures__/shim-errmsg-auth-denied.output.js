const { startRecord, stopRecord } = require("./startrecord-shim")

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
    stopRecord()
  },
})
