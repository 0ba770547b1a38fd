import Taro from '@tarojs/taro'

const { showLoading } = Taro

export default {
  start(page) {
    showLoading({ title: '录音中' })
    const recorderManager = Taro.getRecorderManager()
    const onRecordSuccess = function (res) {
      page.setState({ voice: res.tempFilePath })
    }
    const onRecordComplete = function () {
      Taro.hideLoading()
    }
    recorderManager.onStop((res) => {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    Taro.getRecorderManager().stop()
  },
}
