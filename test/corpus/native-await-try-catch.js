// pages/diary/voice-note.js
import { saveNote } from '../../services/note'

const app = getApp()

Page({
  data: {
    recording: false,
    notes: [],
    error: ''
  },

  async onLoad() {
    const notes = await app.store.loadNotes()
    this.setData({ notes })
  },

  async onRecordTap() {
    if (this.data.recording) {
      wx.stopRecord()
      return
    }
    try {
      this.setData({ recording: true, error: '' })
      await wx.startRecord({
        success: async (res) => {
          const note = await saveNote({ path: res.tempFilePath, at: Date.now() })
          this.setData({ notes: [note, ...this.data.notes] })
        },
        fail: (err) => {
          console.error('startRecord fail', err)
          this.setData({ error: '录音失败，请重试' })
        },
        complete: () => {
          this.setData({ recording: false })
        }
      })
      wx.vibrateShort({ type: 'light' })
    } catch (e) {
      // 理论上不会走到这里
      this.setData({ recording: false, error: '录音组件异常' })
    }
  },

  onHide() {
    if (this.data.recording) {
      wx.stopRecord()
    }
  }
})
