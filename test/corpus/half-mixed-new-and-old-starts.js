// pages/english/lesson.js
// 跟读用的是新的 RecorderManager；“给老师留言”还是老的 startRecord
import { scoreSentence, leaveMessage } from '../../api/english'

const recorderManager = wx.getRecorderManager()

Page({
  data: {
    sentences: [],
    current: 0,
    reading: false,
    score: null,
    messaging: false
  },

  onLoad() {
    recorderManager.onStop((res) => {
      this.setData({ reading: false })
      scoreSentence(this.data.sentences[this.data.current].id, res.tempFilePath)
        .then((score) => this.setData({ score }))
    })
    recorderManager.onError(() => {
      this.setData({ reading: false })
    })
  },

  // 跟读：新接口
  readStart() {
    this.setData({ reading: true, score: null })
    recorderManager.start({
      duration: 15000,
      sampleRate: 16000,
      numberOfChannels: 1,
      encodeBitRate: 48000,
      format: 'mp3'
    })
  },

  readEnd() {
    recorderManager.stop()
  },

  // 给老师留言：旧接口
  messageStart() {
    this.setData({ messaging: true })
    wx.startRecord({
      success: (res) => {
        leaveMessage(res.tempFilePath).then(() => {
          wx.showToast({ title: '留言已发送' })
        })
      },
      complete: () => {
        this.setData({ messaging: false })
      }
    })
  },

  messageEnd() {
    wx.stopRecord()
  },

  next() {
    this.setData({ current: this.data.current + 1, score: null })
  }
})
