const { getRecorderManager } = require('@tarojs/taro')

module.exports = {
  down(onVoice) {
    const recorderManager = getRecorderManager()
    recorderManager.onStop((res) => onVoice(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  up() {
    getRecorderManager().stop()
  },
}
