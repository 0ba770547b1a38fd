// fixture: taro 2.2.13
import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { startRecordPromise, stopRecord } from './startrecord-shim'

// Taro 2 还会返回 Promise：await 要等到录音结束
export default class Memo extends Component {
  state = { saved: false }

  record = async () => {
    await startRecordPromise({
      fail: () => Taro.showToast({ title: '录音失败', icon: 'none' }),
    })
    this.setState({ saved: true })
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
