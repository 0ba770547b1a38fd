import Taro, { Component } from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'
import { uploadVoice } from '../../services/voice'
import { startRecordPromise, stopRecord } from './startrecord-shim'

export default class Dictation extends Component {
  config = {
    navigationBarTitleText: '听写'
  }

  state = {
    status: 'idle',
    text: ''
  }

  startDictation () {
    this.setState({ status: 'recording' })
    // Taro 的 API 已经 Promise 化，录音结束时 resolve
    startRecordPromise()
      .then(res => {
        this.setState({ status: 'uploading' })
        return uploadVoice(res.tempFilePath)
      })
      .then(result => {
        this.setState({ status: 'idle', text: result.text })
      })
      .catch(err => {
        console.log('dictation failed', err)
        this.setState({ status: 'idle' })
        Taro.showToast({ title: '识别失败', icon: 'none' })
      })
  }

  stopDictation () {
    stopRecord()
  }

  render () {
    const { status, text } = this.state
    return (
      <View className='dictation'>
        <Text className='dictation__text'>{text || '点击下方按钮开始说话'}</Text>
        {status === 'recording'
          ? <Button onClick={this.stopDictation.bind(this)}>说完了</Button>
          : <Button loading={status === 'uploading'} onClick={this.startDictation.bind(this)}>开始说话</Button>}
      </View>
    )
  }
}
