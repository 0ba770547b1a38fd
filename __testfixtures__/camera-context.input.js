Page({
  data: { video: '' },
  onReady() {
    this.ctx = wx.createCameraContext()
  },
  startShooting() {
    this.ctx.startRecord({
      success: () => {
        console.log('camera recording started')
      },
    })
  },
  stopShooting() {
    const ctx = wx.createCameraContext()
    ctx.stopRecord({
      success: (res) => {
        this.setData({ video: res.tempVideoPath })
      },
    })
  },
})
