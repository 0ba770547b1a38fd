import Taro, { Component } from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'
import './index.scss'
import { playVoicePromise, stopVoice } from './startrecord-shim'

export default class EchoPractice extends Component {
  config = {
    navigationBarTitleText: '模仿练习'
  }

  state = {
    myVoice: '',
    recording: false,
    playing: false
  }

  startMine () {
    this.setState({ recording: true })
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => {
      this.setState({ myVoice: res.tempFilePath, recording: false })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      this.setState({ recording: false })
    })
    recorderManager.start({ duration: 60000 })
  }

  stopMine () {
    Taro.getRecorderManager().stop()
  }

  playMine () {
    if (!this.state.myVoice) return
    this.setState({ playing: true })
    playVoicePromise({
      filePath: this.state.myVoice
    }).then(() => {
      console.log('播放完成')
      this.setState({ playing: false })
    })
  }

  stopPlay () {
    stopVoice()
    this.setState({ playing: false })
  }

  render () {
    const { recording, playing, myVoice } = this.state
    return (
      <View className='echo'>
        <Text className='echo__tip'>先听原声，再录下你的模仿</Text>
        {recording
          ? <Button onClick={this.stopMine.bind(this)}>停止</Button>
          : <Button onClick={this.startMine.bind(this)}>录我的</Button>}
        {myVoice && (playing
          ? <Button onClick={this.stopPlay.bind(this)}>停止播放</Button>
          : <Button onClick={this.playMine.bind(this)}>听我的</Button>)}
      </View>
    )
  }
}
