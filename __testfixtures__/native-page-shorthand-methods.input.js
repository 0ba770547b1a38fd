const util = require('../../utils/util.js')

Page({
  data: { tempFile: null },
  onRecordTap() {
    const self = this
    wx.startRecord({
      success(res) {
        self.setData({ tempFile: res.tempFilePath })
        console.log('saved', util.formatTime(new Date()))
      },
      fail() {
        wx.showModal({ title: '提示', content: '请允许使用麦克风', showCancel: false })
      }
    })
  },
  onStopTap() {
    wx.stopRecord()
  }
})
