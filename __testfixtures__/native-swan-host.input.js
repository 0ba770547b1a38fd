Page({
  data: { path: '' },
  start() {
    swan.startRecord({
      success: res => {
        this.setData({ path: res.tempFilePath })
      },
      fail: err => {
        console.log(err)
      }
    })
  },
  stop() {
    swan.stopRecord()
  }
})
