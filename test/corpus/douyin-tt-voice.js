// pages/voice/voice.js（抖音小程序，从微信版本迁过来的）
const app = getApp()

Page({
  data: {
    recording: false,
    path: ''
  },

  onTapRecord() {
    if (this.data.recording) {
      tt.stopRecord()
      this.setData({ recording: false })
      return
    }
    this.setData({ recording: true })
    tt.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath })
      },
      fail: (err) => {
        console.log(err)
        tt.showToast({ title: '录音失败', icon: 'none' })
        this.setData({ recording: false })
      }
    })
  },

  onUpload() {
    tt.uploadFile({
      url: app.globalData.host + '/upload',
      filePath: this.data.path,
      name: 'file'
    })
  }
})
