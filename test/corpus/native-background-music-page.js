// pages/player/player.js
// 背景音乐播放页（不涉及录音）
Page({
  data: {
    playing: false,
    song: null
  },

  onReady() {
    this.audioCtx = wx.createAudioContext('bgAudio')
  },

  playVoice() {
    // 页面上的“试听”按钮：用 <audio> 组件播放
    this.audioCtx.play()
    this.setData({ playing: true })
  },

  stopVoice() {
    this.audioCtx.pause()
    this.setData({ playing: false })
  },

  playInBackground() {
    wx.playBackgroundAudio({
      dataUrl: this.data.song.url,
      title: this.data.song.name
    })
  },

  stopInBackground() {
    wx.stopBackgroundAudio()
  }
})
