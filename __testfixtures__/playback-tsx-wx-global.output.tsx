import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { playVoice } from './startrecord-shim'

// A component built for several platforms that calls wx directly.
export default function VoiceButton() {
  const [file, setFile] = useState('')
  const record = () => {
    const recorderManager = wx.getRecorderManager()
    recorderManager.onStop((res) => setFile(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }
  const finish = () => {
    wx.getRecorderManager().stop()
  }
  const play = () => {
    playVoice({ filePath: file })
  }
  return (
    <View>
      <Button onTouchStart={record} onTouchEnd={finish}>录音</Button>
      <Button onClick={play}>播放</Button>
    </View>
  )
}
