import React from 'react'
import { Toast, Button } from 'antd-mobile'
import { fetchSignature } from '../services/wechat'
import styles from './VoiceBox.less'

export default class VoiceBox extends React.Component {
  state = {
    status: 'idle',
    voiceId: ''
  }

  async componentDidMount () {
    const conf = await fetchSignature(window.location.href.split('#')[0])
    window.wx.config({ ...conf, jsApiList: ['startRecord', 'stopRecord', 'playVoice'] })
  }

  handleStart = () => {
    window.wx.ready(() => {
      window.wx.startRecord()
      this.setState({ status: 'recording' })
    })
  }

  handleEnd = () => {
    const { wx } = window
    const self = this
    wx.stopRecord({
      success (res) {
        self.setState({ voiceId: res.localId, status: 'done' })
      },
      fail () {
        Toast.fail('录音失败')
        self.setState({ status: 'idle' })
      }
    })
  }

  handlePlay = () => {
    window.wx.playVoice({ localId: this.state.voiceId })
  }

  render () {
    const { status } = this.state
    return (
      <div className={styles.box}>
        {status === 'recording'
          ? <Button onClick={this.handleEnd}>结束</Button>
          : <Button onClick={this.handleStart}>开始录音</Button>}
        {status === 'done' && <Button onClick={this.handlePlay}>试听</Button>}
      </div>
    )
  }
}
