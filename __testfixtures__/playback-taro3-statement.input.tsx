import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'

export default function Echo() {
  const [file, setFile] = useState('')
  const [playing, setPlaying] = useState(false)

  const record = () => {
    Taro.startRecord({ success: (res) => setFile(res.tempFilePath) })
  }
  const finish = () => {
    Taro.stopRecord()
  }
  const play = () => {
    setPlaying(true)
    Taro.playVoice({
      filePath: file,
      complete: () => setPlaying(false),
    })
  }
  const stop = () => {
    Taro.stopVoice()
    setPlaying(false)
  }
  return (
    <View>
      <Button onTouchStart={record} onTouchEnd={finish}>{file ? '重录' : '录音'}</Button>
      <Button onClick={playing ? stop : play}>{playing ? '停止' : '播放'}</Button>
    </View>
  )
}
