import Taro, { Component } from '@tarojs/taro'
import { View, Button, Image, Text } from '@tarojs/components'
import micIcon from '../../assets/mic.png'
import './talk.scss'

let frameTimer = null

export default class Talk extends Component {
  config = {
    navigationBarTitleText: '语音留言'
  }

  state = {
    speaking: false,
    frame: 0,
    saved: []
  }

  componentDidShow () {
    this.refreshList()
  }

  componentWillUnmount () {
    clearInterval(frameTimer)
  }

  refreshList () {
    Taro.getSavedFileList({
      success: (res) => {
        this.setState({ saved: res.fileList })
      }
    })
  }

  // 按下
  onTouchStart () {
    let that = this
    this.setState({ speaking: true })
    frameTimer = setInterval(() => {
      that.setState({ frame: (that.state.frame + 1) % 3 })
    }, 250)
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop(function (res) {
      // 录音文件只在本次启动有效，先保存
      Taro.saveFile({
        tempFilePath: res.tempFilePath,
        success () {
          Taro.showToast({ title: '已保存', icon: 'success', duration: 1200 })
          that.refreshList()
        }
      })
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }

  // 松开
  onTouchEnd () {
    clearInterval(frameTimer)
    this.setState({ speaking: false, frame: 0 })
    Taro.getRecorderManager().stop()
  }

  render () {
    const { speaking, frame, saved } = this.state
    return (
      <View className='talk'>
        {saved.map(item => (
          <View key={item.filePath} className='talk__item'>
            <Text>{new Date(item.createTime * 1000).toLocaleString()}</Text>
            <Text>{(item.size / 1024).toFixed(1)} KB</Text>
          </View>
        ))}
        {speaking && <Image className={`talk__mic talk__mic--${frame}`} src={micIcon} />}
        <Button
          className='talk__btn'
          onTouchStart={this.onTouchStart.bind(this)}
          onTouchEnd={this.onTouchEnd.bind(this)}
        >
          {speaking ? '松开 结束' : '按住 说话'}
        </Button>
      </View>
    )
  }
}
