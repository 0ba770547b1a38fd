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
    const recorderManager = Taro.getRecorderManager()
    const onRecordSuccess: Parameters<typeof recorderManager.onStop>[0] = (res) => {
      this.setState({ recording: false, voice: res.tempFilePath })
    }
    const onRecordFail: Parameters<typeof recorderManager.onError>[0] = (err) => {
      console.error('startRecord failed', err)
      this.setState({ recording: false })
    }
    const onRecordComplete = () => {
      Taro.hideLoading()
    }
    recorderManager.onStop((res) => {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      try {
        onRecordFail(err)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.start({ duration: 60000 })
  }

  onStop(): void {
    Taro.getRecorderManager().stop()
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
