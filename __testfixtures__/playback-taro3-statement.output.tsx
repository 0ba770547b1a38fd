import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
const innerAudioContext = Taro.createInnerAudioContext()

export default function Echo() {
  const [file, setFile] = useState('')
  const [playing, setPlaying] = useState(false)

  const record = () => {
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => setFile(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }
  const finish = () => {
    Taro.getRecorderManager().stop()
  }
  const play = () => {
    setPlaying(true)
    innerAudioContext.offEnded()
    innerAudioContext.offError()
    const onPlayVoiceComplete = () => setPlaying(false)
    innerAudioContext.onEnded(onPlayVoiceComplete)
    innerAudioContext.onError(onPlayVoiceComplete)
    if (innerAudioContext.src !== file || !innerAudioContext.paused) {
      innerAudioContext.stop()
      innerAudioContext.src = file
    }
    innerAudioContext.play()
  }
  const stop = () => {
    innerAudioContext.stop()
    setPlaying(false)
  }
  return (
    <View>
      <Button onTouchStart={record} onTouchEnd={finish}>{file ? '重录' : '录音'}</Button>
      <Button onClick={playing ? stop : play}>{playing ? '停止' : '播放'}</Button>
    </View>
  )
}
