// pages/feedback/index.js
import { request, uploadFile } from '../../utils/http'

const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    text: '',
    voiceUrl: '',
    voiceSeconds: 0,
    recording: false,
    submitting: false
  },

  onLoad() {
    this.startedAt = 0
  },

  onInput(e) {
    this.setData({ text: e.detail.value })
  },

  onVoiceStart() {
    this.startedAt = Date.now()
    this.setData({ recording: true })
    recorderManager.onStop(res => this.upload(res))
    recorderManager.onError(err => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      console.error('[feedback] record failed', err)
      this.setData({ recording: false })
    })
    recorderManager.start({ duration: 60000 })
    // 旧写法，先保留：
    // wx.startRecord({ success: (res) => { this.setData({ voiceUrl: res.tempFilePath }) } })
  },

  onVoiceEnd() {
    this.setData({ recording: false })
    recorderManager.stop()
  },

  async upload(res) {
    const seconds = Math.max(1, Math.round((Date.now() - this.startedAt) / 1000))
    wx.showLoading({ title: '上传中' })
    try {
      const { url } = await uploadFile({
        url: `${app.globalData.host}/feedback/voice`,
        filePath: res.tempFilePath,
        name: 'voice'
      })
      this.setData({ voiceUrl: url, voiceSeconds: seconds })
    } catch (e) {
      wx.showToast({ title: '语音上传失败', icon: 'none' })
    } finally {
      wx.hideLoading()
    }
  },

  removeVoice() {
    this.setData({ voiceUrl: '', voiceSeconds: 0 })
  },

  async submit() {
    const { text, voiceUrl } = this.data
    if (!text && !voiceUrl) {
      wx.showToast({ title: '写点什么吧', icon: 'none' })
      return
    }
    this.setData({ submitting: true })
    try {
      await request('/feedback', { method: 'POST', data: { text, voiceUrl } })
      wx.showToast({ title: '感谢反馈' })
      setTimeout(() => wx.navigateBack(), 1200)
    } finally {
      this.setData({ submitting: false })
    }
  },

  onUnload() {
    if (this.data.recording) {
      recorderManager.stop()
    }
  }
})
