import Taro, { Component } from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'
import { connect } from '@tarojs/redux'
import { addMemo } from '../../actions/memo'
import { pad } from '../../utils/time'

import './index.scss'

@connect(({ memo }) => ({ memo }), { addMemo })
class VoiceMemo extends Component {
  config = {
    navigationBarTitleText: '语音备忘'
  }

  state = {
    recording: false,
    seconds: 0
  }

  timer = null

  componentWillUnmount () {
    clearInterval(this.timer)
    Taro.getRecorderManager().stop()
  }

  handleStart = () => {
    this.setState({ recording: true, seconds: 0 })
    this.timer = setInterval(() => {
      this.setState(prev => ({ seconds: prev.seconds + 1 }))
    }, 1000)

    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => {
      this.props.addMemo({
        path: res.tempFilePath,
        seconds: this.state.seconds,
        createdAt: Date.now()
      })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      Taro.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  }

  handleStop = () => {
    clearInterval(this.timer)
    this.setState({ recording: false })
    Taro.getRecorderManager().stop()
  }

  render () {
    const { recording, seconds } = this.state
    const { memo } = this.props
    return (
      <View className='memo'>
        <View className='memo__list'>
          {memo.list.map(m => (
            <View className='memo__row' key={m.createdAt}>
              <Text>{pad(Math.floor(m.seconds / 60))}:{pad(m.seconds % 60)}</Text>
            </View>
          ))}
        </View>
        <Text className='memo__clock'>{pad(Math.floor(seconds / 60))}:{pad(seconds % 60)}</Text>
        {recording
          ? <Button className='memo__btn memo__btn--stop' onClick={this.handleStop}>停止</Button>
          : <Button className='memo__btn' onClick={this.handleStart}>开始录音</Button>}
      </View>
    )
  }
}

export default VoiceMemo
