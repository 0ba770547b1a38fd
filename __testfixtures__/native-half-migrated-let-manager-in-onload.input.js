// pages/interview/interview.js
// 录音已经换成 RecorderManager，松手那里还留着旧的 stopRecord
const app = getApp()
let voiceRecorder = null

Page({
  data: { speaking: false, takes: [] },

  onLoad() {
    voiceRecorder = wx.getRecorderManager()
    voiceRecorder.onStop((res) => {
      this.setData({ speaking: false, takes: this.data.takes.concat(res.tempFilePath) })
    })
  },

  holdStart() {
    this.setData({ speaking: true })
    voiceRecorder.start({ duration: 30000, format: 'mp3' })
  },

  holdEnd() {
    wx.stopRecord()
  },

  onUnload() {
    wx.stopRecord()
    app.globalData.takes = this.data.takes
  },
})
