// fixture: taro 2.2.13
import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { startRecordPromise, stopRecord } from './startrecord-shim'

export default class Memo extends Component {
  state = { path: '' }

  // Taro 2 wraps startRecord in a Promise that resolves when the recording ends, even
  // with callbacks: this page relies on it.
  record = () => {
    startRecordPromise({
      fail: () => Taro.showToast({ title: '录音失败', icon: 'none' }),
    }).then((res) => this.setState({ path: res.tempFilePath }))
  }

  stop = () => {
    stopRecord()
  }

  render() {
    return (
      <View>
        <Button onTouchStart={this.record} onTouchEnd={this.stop}>按住说话</Button>
      </View>
    )
  }
}
