// pages/talk/talk.js
// 已经改成 RecorderManager 了，但松手停止那里还是旧接口
const app = getApp()
let recorder = null

Page({
  data: {
    talking: false,
    clips: []
  },

  onLoad() {
    recorder = wx.getRecorderManager()
    recorder.onStart(() => {
      this.setData({ talking: true })
    })
    recorder.onStop((res) => {
      this.setData({
        talking: false,
        clips: this.data.clips.concat({ path: res.tempFilePath, ms: res.duration })
      })
    })
    recorder.onError((err) => {
      console.error('recorder error', err)
      this.setData({ talking: false })
    })
  },

  touchStart() {
    recorder.start({
      duration: 60000,
      sampleRate: 16000,
      numberOfChannels: 1,
      encodeBitRate: 48000,
      format: 'mp3'
    })
  },

  touchEnd() {
    recorder.stop()
  },

  upload(e) {
    const clip = this.data.clips[e.currentTarget.dataset.index]
    wx.uploadFile({
      url: app.globalData.host + '/talk/clip',
      filePath: clip.path,
      name: 'clip'
    })
  },

  onUnload() {
    recorder.stop()
  }
})
