// components/video-answer/video-answer.js
// 视频作答：用 camera 组件录一段视频
Component({
  properties: {
    maxSeconds: { type: Number, value: 30 }
  },

  data: {
    recording: false,
    videoSrc: '',
    left: 0
  },

  lifetimes: {
    attached() {
      this.ctx = wx.createCameraContext()
    },
    detached() {
      clearInterval(this.countdown)
      this.ctx = null
    }
  },

  methods: {
    startRecord() {
      const that = this
      this.ctx.startRecord({
        timeoutCallback(res) {
          // 超过 30s 自动结束
          that.setData({ recording: false, videoSrc: res.tempVideoPath })
        },
        success() {
          that.setData({ recording: true, left: that.data.maxSeconds })
          that.countdown = setInterval(() => {
            that.setData({ left: that.data.left - 1 })
          }, 1000)
        },
        fail(err) {
          wx.showToast({ title: '无法录像', icon: 'none' })
          console.error(err)
        }
      })
    },

    stopRecord() {
      const that = this
      clearInterval(this.countdown)
      this.ctx.stopRecord({
        compressed: true,
        success(res) {
          that.setData({ recording: false, videoSrc: res.tempVideoPath })
          that.triggerEvent('recorded', { video: res.tempVideoPath, thumb: res.tempThumbPath })
        }
      })
    },

    retake() {
      this.setData({ videoSrc: '' })
    },

    onCameraError() {
      wx.showModal({ title: '提示', content: '请允许使用摄像头', showCancel: false })
    }
  }
})
