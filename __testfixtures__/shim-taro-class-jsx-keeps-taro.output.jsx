import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { startRecord, stopRecord } from './startrecord-shim'

export default class Recorder extends Component {
  record = () => {
    return startRecord({})
  }

  stop = () => {
    stopRecord()
  }

  render() {
    return (
      <View>
        <Button onClick={this.record}>录音</Button>
        <Button onClick={this.stop}>停止</Button>
      </View>
    )
  }
}
