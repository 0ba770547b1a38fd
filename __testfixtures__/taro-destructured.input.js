import Taro from '@tarojs/taro'

const { startRecord, stopRecord, showLoading } = Taro

export default {
  start(page) {
    showLoading({ title: '录音中' })
    startRecord({
      success(res) {
        page.setState({ voice: res.tempFilePath })
      },
      complete() {
        Taro.hideLoading()
      },
    })
  },
  stop() {
    stopRecord()
  },
}
