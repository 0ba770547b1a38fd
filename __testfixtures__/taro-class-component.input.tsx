import Taro from '@tarojs/taro'
import { Component } from 'react'
import { View, Button, Text } from '@tarojs/components'

interface State {
  recording: boolean
  voice: string
}

export default class VoiceNote extends Component<{}, State> {
  state: State = { recording: false, voice: '' }

  private startedAt = 0

  onStart(): void {
    this.startedAt = Date.now()
    this.setState({ recording: true })
    Taro.startRecord({
      success: (res) => {
        this.setState({ recording: false, voice: res.tempFilePath })
      },
      fail: (err) => {
        console.error('startRecord failed', err)
        this.setState({ recording: false })
      },
      complete: () => {
        Taro.hideLoading()
      },
    })
  }

  onStop(): void {
    Taro.stopRecord()
  }

  render() {
    return (
      <View>
        <Button onTouchStart={() => this.onStart()} onTouchEnd={() => this.onStop()}>按住录音</Button>
        <Text>{this.state.voice}</Text>
      </View>
    )
  }
}
