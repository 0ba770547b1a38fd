const Taro = require('@tarojs/taro')

module.exports = {
  record(page) {
    Taro.startRecord({
      success: function (res) {
        page.setState({ file: res.tempFilePath })
      }
    })
  },
  stop() {
    Taro.stopRecord()
  }
}
