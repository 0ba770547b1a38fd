const Taro = require('@tarojs/taro')

module.exports = {
  record(page) {
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop(function (res) {
      page.setState({ file: res.tempFilePath })
    })
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    Taro.getRecorderManager().stop()
  }
}
