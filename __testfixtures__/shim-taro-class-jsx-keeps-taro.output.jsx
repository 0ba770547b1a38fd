import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { startRecordPromise } from './startrecord-shim'

export default class Recorder extends Component {
  record = () => {
    return startRecordPromise({})
  }

  render() {
    return (
      <View>
        <Button onClick={this.record}>录音</Button>
        <Button onClick={this.props.onStop}>停止</Button>
      </View>
    )
  }
}
