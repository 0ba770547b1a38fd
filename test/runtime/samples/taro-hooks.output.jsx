// Sample (hand-written): a Taro 3 function component with hooks.
import { useCallback, useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

const recorderManager = Taro.getRecorderManager()

export default function VoiceNote() {
  const [path, setPath] = useState('')
  const [recording, setRecording] = useState(false)

  const onStart = useCallback(() => {
    setRecording(true)
    recorderManager.onStop((res) => {
      setPath(res.tempFilePath)
      setRecording(false)
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      console.warn('record failed', err.errMsg)
      setRecording(false)
    })
    recorderManager.start({ duration: 60000 })
  }, [])

  const onStop = () => {
    recorderManager.stop()
  }

  useUnload(() => {
    recorderManager.stop()
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
