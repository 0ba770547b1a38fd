const { startRecord, stopRecord } = require('@tarojs/taro')

module.exports = {
  down(onVoice) {
    startRecord({ success: (res) => onVoice(res.tempFilePath) })
  },
  up() {
    stopRecord()
  },
}
