// 口语练习：读完一句，录音结束后自动评分
const app = getApp()

Page({
  data: { answering: false, score: null },

  async answer() {
    this.setData({ answering: true })
    // 不带回调时，startRecord 返回一个在录音结束时才完成的 Promise
    const res = await wx.startRecord()
    const score = await app.grade(res.tempFilePath)
    this.setData({ answering: false, score })
  },

  done() {
    wx.stopRecord()
  },
})
