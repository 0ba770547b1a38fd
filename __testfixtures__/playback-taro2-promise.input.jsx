// fixture: taro 2.2.0
import Taro, { Component } from '@tarojs/taro'
import { View } from '@tarojs/components'

export default class Memo extends Component {
  record () {
    Taro.startRecord({ success: (res) => this.setState({ file: res.tempFilePath }) })
  }

  finish () {
    Taro.stopRecord()
  }

  play () {
    Taro.playVoice({ filePath: this.state.file }).then(() => {
      this.setState({ played: true })
    })
  }

  stopPlay () {
    Taro.stopVoice()
  }

  render () {
    return <View onClick={this.play.bind(this)}>{this.state.file}</View>
  }
}
