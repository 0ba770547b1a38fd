import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'

export default function RecordPage() {
  const [path, setPath] = useState<string>('')
  const [recording, setRecording] = useState(false)

  const handleTouchStart = () => {
    setRecording(true)
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => {
      setPath(res.tempFilePath)
      setRecording(false)
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      setRecording(false)
      Taro.showToast({ title: '请授权麦克风', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  }

  const handleTouchEnd = () => {
    Taro.getRecorderManager().stop()
  }

  return (
    <View className="record-page">
      <Button onTouchStart={handleTouchStart} onTouchEnd={handleTouchEnd}>
        {recording ? '松开发送' : '按住说话'}
      </Button>
      {path && <View>{path}</View>}
    </View>
  )
}
