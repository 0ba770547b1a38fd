// 录音后回放：播放、暂停（再播放即继续）、停止
Page({
  data: { path: '', playing: false },

  record() {
    wx.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath })
      }
    })
  },

  stop() {
    wx.stopRecord()
  },

  play() {
    this.setData({ playing: true })
    wx.playVoice({
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
    wx.pauseVoice()
  },

  stopPlaying() {
    wx.stopVoice()
    this.setData({ playing: false })
  },

  preview() {
    wx.playVoice({ filePath: this.data.path })
    setTimeout(() => wx.stopVoice(), 3000)
  }
})
