// Camera recording: CameraContext.startRecord records video and is not the deprecated API.
Page({
  data: {
    videoSrc: ''
  },

  onReady: function () {
    this.ctx = wx.createCameraContext()
  },

  startShooting: function () {
    this.ctx.startRecord({
      timeoutCallback: (res) => {
        this.setData({ videoSrc: res.tempVideoPath })
      }
    })
  },

  stopShooting: function () {
    this.ctx.stopRecord({
      success: (res) => {
        this.setData({ videoSrc: res.tempVideoPath })
      }
    })
  }
})
