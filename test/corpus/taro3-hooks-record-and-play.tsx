// @ts-nocheck
import { useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

import './index.scss'

type PlayState = 'idle' | 'playing' | 'paused'

export default function EchoCard() {
  const [voice, setVoice] = useState('')
  const [recording, setRecording] = useState(false)
  const [playState, setPlayState] = useState<PlayState>('idle')

  useUnload(() => {
    Taro.stopVoice()
  })

  const onRecordStart = () => {
    setRecording(true)
    Taro.startRecord({
      success: (res) => {
        setVoice(res.tempFilePath)
      },
      complete: () => {
        setRecording(false)
      }
    })
  }

  const onRecordEnd = () => {
    Taro.stopRecord()
  }

  const onPlayTap = () => {
    if (!voice) return
    setPlayState('playing')
    Taro.playVoice({
      filePath: voice,
      complete: () => setPlayState('idle')
    })
  }

  const onPauseTap = () => {
    Taro.pauseVoice()
    setPlayState('paused')
  }

  return (
    <View className='echo-card'>
      <Button onTouchStart={onRecordStart} onTouchEnd={onRecordEnd}>
        {recording ? '松开结束' : '按住录音'}
      </Button>
      {voice && (
        <Button onClick={playState === 'playing' ? onPauseTap : onPlayTap}>
          {playState === 'playing' ? '暂停' : playState === 'paused' ? '继续' : '播放'}
        </Button>
      )}
    </View>
  )
}
