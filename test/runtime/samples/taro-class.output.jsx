// Sample (hand-written): a Taro 2 class page; shorthand callbacks, `that`, a complete,
// Android's undocumented `duration` in seconds.
import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

const recorderManager = Taro.getRecorderManager()

export default class VoiceInput extends Component {
  state = { tip: '按住说话', voicePath: '' }

  handleTouchStart() {
    const that = this
    const complete = function () {
      that.setState({ tip: '按住说话' })
    }
    recorderManager.onStop(function (res) {
      that.setState({ voicePath: res.tempFilePath })
      Taro.uploadFile({ url: 'https://example.com/voice', filePath: res.tempFilePath, name: 'voice' })
      complete(res)
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      Taro.showToast({ title: err.errMsg, icon: 'none' })
      complete(err)
    })
    recorderManager.start({ duration: 30000 })
    this.setState({ tip: '松开结束' })
  }

  handleTouchEnd = () => {
    recorderManager.stop()
  }

  componentWillUnmount() {
    recorderManager.stop()
  }

  render() {
    return (
      <View>
        <Button onTouchStart={this.handleTouchStart.bind(this)} onTouchEnd={this.handleTouchEnd}>
          {this.state.tip}
        </Button>
      </View>
    )
  }
}
