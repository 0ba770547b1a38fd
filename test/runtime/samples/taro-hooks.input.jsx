// Sample (hand-written): a Taro 3 function component with hooks.
import { useCallback, useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

export default function VoiceNote() {
  const [path, setPath] = useState('')
  const [recording, setRecording] = useState(false)

  const onStart = useCallback(() => {
    setRecording(true)
    Taro.startRecord({
      success: (res) => {
        setPath(res.tempFilePath)
        setRecording(false)
      },
      fail: (err) => {
        console.warn('record failed', err.errMsg)
        setRecording(false)
      },
    })
  }, [])

  const onStop = () => {
    Taro.stopRecord()
  }

  useUnload(() => {
    Taro.stopRecord()
  })

  return (
    <View>
      <Button onTouchStart={onStart} onTouchEnd={onStop}>
        {recording ? '松开结束' : '按住录音'}
      </Button>
      {path ? <View>{path}</View> : null}
    </View>
  )
}
