Page({
  data: { recording: false, path: '' },

  start() {
    wx.showLoading({ title: '录音中' })
    this.setData({ recording: true })
    wx.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath })
      },
      fail: () => {
        wx.showToast({ title: '录音失败', icon: 'none' })
      },
      complete: () => {
        wx.hideLoading()
        this.setData({ recording: false })
      },
    })
  },

  stop() {
    wx.stopRecord()
  },
})
