import Taro, { Component } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import './index.scss'

export default class Record extends Component {
  config = {
    navigationBarTitleText: '录音'
  }

  state = {
    recording: false,
    filePath: ''
  }

  handleStart = () => {
    this.setState({ recording: true })
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => {
      this.setState({ recording: false, filePath: res.tempFilePath })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      this.setState({ recording: false })
      Taro.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  }

  handleStop = () => {
    Taro.getRecorderManager().stop()
  }

  componentWillUnmount() {
    Taro.getRecorderManager().stop()
  }

  render() {
    const { recording } = this.state
    return (
      <View className='record'>
        <Button onTouchStart={this.handleStart} onTouchEnd={this.handleStop}>
          {recording ? '松开结束' : '按住说话'}
        </Button>
      </View>
    )
  }
}
