// pages/story/record.js
// 分段录故事：每段最长 60 秒，录完可以按顺序连播全部片段
Page({
  data: {
    clips: [],
    recording: false,
    playIndex: -1
  },

  startClip() {
    this.setData({ recording: true })
    wx.startRecord({
      success: (res) => {
        this.setData({ clips: this.data.clips.concat(res.tempFilePath) })
      },
      complete: () => {
        this.setData({ recording: false })
      }
    })
  },

  endClip() {
    wx.stopRecord()
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
    wx.playVoice({
      filePath: this.data.clips[index],
      complete: () => {
        this.playAt(index + 1)
      }
    })
  },

  stopAll() {
    wx.stopVoice()
    this.setData({ playIndex: -1 })
  }
})
