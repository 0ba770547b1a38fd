// pages/story/record.js
// 分段录故事：每段最长 60 秒，录完可以按顺序连播全部片段
const { playVoice, stopVoice } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

Page({
  data: {
    clips: [],
    recording: false,
    playIndex: -1
  },

  startClip() {
    this.setData({ recording: true })
    const onRecordSuccess = (res) => {
      this.setData({ clips: this.data.clips.concat(res.tempFilePath) })
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
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },

  endClip() {
    recorderManager.stop()
  },

  playAll() {
    this.playAt(0)
  },

  playAt(index) {
    if (index >= this.data.clips.length) {
      this.setData({ playIndex: -1 })
      return
    }
    this.setData({ playIndex: index })
    playVoice({
      filePath: this.data.clips[index],
      complete: () => {
        this.playAt(index + 1)
      }
    })
  },

  stopAll() {
    stopVoice()
    this.setData({ playIndex: -1 })
  }
})
