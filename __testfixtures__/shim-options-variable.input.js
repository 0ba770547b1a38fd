const recordOptions = {
  success: (res) => getApp().globalData.voices.push(res.tempFilePath),
}

Page({
  start() {
    wx.startRecord(recordOptions)
  },
  stopWithCallback() {
    wx.stopRecord({
      success(res) {
        console.log(res.tempFilePath)
      },
    })
  },
})
