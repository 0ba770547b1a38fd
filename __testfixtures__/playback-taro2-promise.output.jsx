// fixture: taro 2.2.0
import Taro, { Component } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { playVoicePromise, stopVoice } from './startrecord-shim'

export default class Memo extends Component {
  record () {
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => this.setState({ file: res.tempFilePath }))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }

  finish () {
    Taro.getRecorderManager().stop()
  }

  play () {
    playVoicePromise({ filePath: this.state.file }).then(() => {
      this.setState({ played: true })
    })
  }

  stopPlay () {
    stopVoice()
  }

  render () {
    return <View onClick={this.play.bind(this)}>{this.state.file}</View>
  }
}
