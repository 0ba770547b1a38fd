// pages/diary/voice-note.js
import { saveNote } from '../../services/note'

const app = getApp()
const recorderManager = wx.getRecorderManager()

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
      recorderManager.stop()
      return
    }
    try {
      this.setData({ recording: true, error: '' })
      const onRecordSuccess = async (res) => {
        const note = await saveNote({ path: res.tempFilePath, at: Date.now() })
        this.setData({ notes: [note, ...this.data.notes] })
      }
      const onRecordFail = (err) => {
        console.error('startRecord fail', err)
        this.setData({ error: '录音失败，请重试' })
      }
      const onRecordComplete = () => {
        this.setData({ recording: false })
      }
      recorderManager.onStop((res) => {
        try {
          onRecordSuccess(res)
        } finally {
          onRecordComplete()
        }
      })
      recorderManager.onError((err) => {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        try {
          onRecordFail(err)
        } finally {
          onRecordComplete()
        }
      })
      recorderManager.start({ duration: 60000 })
      wx.vibrateShort({ type: 'light' })
    } catch (e) {
      // 理论上不会走到这里
      this.setData({ recording: false, error: '录音组件异常' })
    }
  },

  onHide() {
    if (this.data.recording) {
      recorderManager.stop()
    }
  }
})
