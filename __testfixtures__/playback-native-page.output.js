// 录音后回放：播放、暂停（再播放即继续）、停止
const { playVoice, pauseVoice, stopVoice } = require('./startrecord-shim')

const recorderManager = wx.getRecorderManager()

Page({
  data: { path: '', playing: false },

  record() {
    recorderManager.onStop((res) => {
      this.setData({ path: res.tempFilePath })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  stop() {
    recorderManager.stop()
  },

  play() {
    this.setData({ playing: true })
    playVoice({
      filePath: this.data.path, // 本地临时文件
      success: () => {
        console.log('played to the end')
      },
      fail() {
        wx.showToast({ title: '播放失败', icon: 'none' })
      },
      complete: () => {
        this.setData({ playing: false })
      }
    })
  },

  pause() {
    pauseVoice()
  },

  stopPlaying() {
    stopVoice()
    this.setData({ playing: false })
  },

  preview() {
    playVoice({ filePath: this.data.path })
    setTimeout(() => stopVoice(), 3000)
  }
})
