import { useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro, { useUnload } from '@tarojs/taro'

export default function RecordPage() {
  const [recording, setRecording] = useState(false)
  const [filePath, setFilePath] = useState('')

  const handleStart = () => {
    setRecording(true)
    Taro.startRecord({
      success: (res) => {
        setRecording(false)
        setFilePath(res.tempFilePath)
      },
      fail: (err) => {
        setRecording(false)
        Taro.showToast({ title: 'Recording failed', icon: 'none' })
        console.warn('record failed', err)
      },
    })
  }

  const handleStop = () => {
    Taro.stopRecord()
  }

  useUnload(() => {
    Taro.stopRecord()
  })

  return (
    <View className='record'>
      <Button onClick={recording ? handleStop : handleStart}>
        {recording ? 'Stop' : 'Record'}
      </Button>
      {filePath && <Text>{filePath}</Text>}
    </View>
  )
}
