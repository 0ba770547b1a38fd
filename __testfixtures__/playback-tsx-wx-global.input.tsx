import { useState } from 'react'
import { View, Button } from '@tarojs/components'

// A component built for several platforms that calls wx directly.
export default function VoiceButton() {
  const [file, setFile] = useState('')
  const record = () => {
    wx.startRecord({ success: (res) => setFile(res.tempFilePath) })
  }
  const finish = () => {
    wx.stopRecord()
  }
  const play = () => {
    wx.playVoice({ filePath: file })
  }
  return (
    <View>
      <Button onTouchStart={record} onTouchEnd={finish}>录音</Button>
      <Button onClick={play}>播放</Button>
    </View>
  )
}
