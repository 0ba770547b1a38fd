import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { playVoice, stopVoice } from './startrecord-shim'

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
    playVoice({
      filePath: file,
      complete: () => setPlaying(false),
    })
  }
  const stop = () => {
    stopVoice()
    setPlaying(false)
  }
  return (
    <View>
      <Button onTouchStart={record} onTouchEnd={finish}>{file ? '重录' : '录音'}</Button>
      <Button onClick={playing ? stop : play}>{playing ? '停止' : '播放'}</Button>
    </View>
  )
}
