// pages/course/lesson.js
// 课程页：左边按钮录“课堂笔记”，右边按钮录“回复老师”，两种录音走不同的上传接口
const app = getApp()
const { formatDuration } = require('../../utils/format')
const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  data: {
    lessonId: '',
    notes: [],
    replyTo: null,
    noteRecording: false,
    replyRecording: false
  },

  onLoad(query) {
    this.setData({ lessonId: query.id })
    this.loadNotes()
  },

  loadNotes() {
    wx.request({
      url: `${app.globalData.api}/lessons/${this.data.lessonId}/notes`,
      success: ({ data }) => this.setData({ notes: data.items })
    })
  },

  // 录课堂笔记
  startNote() {
    this.noteStart = Date.now()
    this.setData({ noteRecording: true })
    startRecord({
      success: (res) => {
        const seconds = Math.round((Date.now() - this.noteStart) / 1000)
        wx.uploadFile({
          url: `${app.globalData.api}/lessons/${this.data.lessonId}/notes`,
          filePath: res.tempFilePath,
          name: 'audio',
          formData: { seconds },
          success: () => this.loadNotes()
        })
      },
      fail: () => {
        wx.showToast({ title: '笔记录音失败', icon: 'none' })
      },
      complete: () => {
        this.setData({ noteRecording: false })
      }
    })
  },

  // 录语音回复
  startReply(e) {
    const replyTo = e.currentTarget.dataset.comment
    this.setData({ replyTo, replyRecording: true })
    startRecord({
      success: (res) => {
        wx.uploadFile({
          url: `${app.globalData.api}/comments/${replyTo.id}/replies`,
          filePath: res.tempFilePath,
          name: 'audio',
          success: () => wx.showToast({ title: '已回复' })
        })
      },
      fail: (err) => {
        console.warn('reply record fail', err)
      },
      complete: () => {
        this.setData({ replyRecording: false, replyTo: null })
      }
    })
  },

  // 两个按钮共用的“结束”
  finish() {
    stopRecord()
  },

  durationText(ms) {
    return formatDuration(ms)
  }
})
