const { wx } = window

export const voice = {
  start() {
    wx.startRecord()
  },
  stop() {
    wx.stopRecord()
  },
}
