// 语音留言：安卓上最多录 20 分钟（旧接口的 duration 单位是秒，最多 600）
Page({
  data: { message: '' },
  recordMessage() {
    wx.startRecord({
      duration: 1200,
      success: (res) => {
        this.setData({ message: res.tempFilePath })
      }
    })
  },
  sendMessage() {
    wx.stopRecord()
  }
})
