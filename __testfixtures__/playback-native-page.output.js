// 录音后回放：播放、暂停（再播放即继续）、停止
const recorderManager = wx.getRecorderManager()
const innerAudioContext = wx.createInnerAudioContext()

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
    innerAudioContext.offEnded()
    innerAudioContext.offError()
    const onPlayVoiceComplete = () => {
      this.setData({ playing: false })
    }
    innerAudioContext.onEnded(() => {
      console.log('played to the end')
    })
    innerAudioContext.onEnded(onPlayVoiceComplete)
    innerAudioContext.onError(function () {
      wx.showToast({ title: '播放失败', icon: 'none' })
    })
    innerAudioContext.onError(onPlayVoiceComplete)
    if (innerAudioContext.src !== this.data.path || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = this.data.path // 本地临时文件
    }
    innerAudioContext.play()
  },

  pause() {
    innerAudioContext.pause()
  },

  stopPlaying() {
    innerAudioContext.stop()
    this.setData({ playing: false })
  },

  preview() {
    innerAudioContext.offEnded()
    innerAudioContext.offError()
    if (innerAudioContext.src !== this.data.path || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = this.data.path
    }
    innerAudioContext.play()
    setTimeout(() => innerAudioContext.stop(), 3000)
  }
})
