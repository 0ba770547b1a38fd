const { getRecorderManager } = require('@tarojs/taro')

module.exports = {
  down(onVoice) {
    const recorderManager = getRecorderManager()
    recorderManager.onStop((res) => onVoice(res.tempFilePath))
    recorderManager.onError(() => {})
    recorderManager.start({ duration: 60000 })
  },
  up() {
    getRecorderManager().stop()
  },
}
