// 语音留言：安卓上最多录 20 分钟（旧接口的 duration 单位是秒，最多 600）
const recorderManager = wx.getRecorderManager()

Page({
  data: { message: '' },
  recordMessage() {
    recorderManager.onStop((res) => {
      this.setData({ message: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 600000 })
  },
  sendMessage() {
    recorderManager.stop()
  }
})
