Page({
  data: { path: '' },
  start() {
    qq.startRecord({
      success: (res) => {
        this.setData({ path: res.tempFilePath })
      }
    })
  },
  stop() {
    qq.stopRecord()
  }
})
