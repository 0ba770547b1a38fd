// Sample (hand-written): a Taro 2 class page; shorthand callbacks, `that`, a complete,
// Android's undocumented `duration` in seconds.
import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default class VoiceInput extends Component {
  state = { tip: '按住说话', voicePath: '' }

  handleTouchStart() {
    const that = this
    Taro.startRecord({
      duration: 30,
      success(res) {
        that.setState({ voicePath: res.tempFilePath })
        Taro.uploadFile({ url: 'https://example.com/voice', filePath: res.tempFilePath, name: 'voice' })
      },
      fail(err) {
        Taro.showToast({ title: err.errMsg, icon: 'none' })
      },
      complete() {
        that.setState({ tip: '按住说话' })
      },
    })
    this.setState({ tip: '松开结束' })
  }

  handleTouchEnd = () => {
    Taro.stopRecord()
  }

  componentWillUnmount() {
    Taro.stopRecord()
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
