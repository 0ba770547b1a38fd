Page({
  data: { allowed: true, path: '' },
  toggle() {
    if (this.data.recording) wx.stopRecord()
    else wx.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath, recording: false })
      }
    })
    this.setData({ recording: !this.data.recording })
  }
})
