// @ts-nocheck
import { useState } from 'react'
import Taro, { useUnload } from '@tarojs/taro'
import { View, Button } from '@tarojs/components'

import './index.scss'
import { stopVoice, playVoice, pauseVoice } from './startrecord-shim'

type PlayState = 'idle' | 'playing' | 'paused'

export default function EchoCard() {
  const [voice, setVoice] = useState('')
  const [recording, setRecording] = useState(false)
  const [playState, setPlayState] = useState<PlayState>('idle')

  useUnload(() => {
    stopVoice()
  })

  const onRecordStart = () => {
    setRecording(true)
    const recorderManager = Taro.getRecorderManager()
    const onRecordSuccess: Parameters<typeof recorderManager.onStop>[0] = (res) => {
      setVoice(res.tempFilePath)
    }
    const onRecordComplete = () => {
      setRecording(false)
    }
    recorderManager.onStop((res) => {
      try {
        onRecordSuccess(res)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordComplete()
    })
    recorderManager.start({ duration: 60000 })
  }

  const onRecordEnd = () => {
    Taro.getRecorderManager().stop()
  }

  const onPlayTap = () => {
    if (!voice) return
    setPlayState('playing')
    playVoice({
      filePath: voice,
      complete: () => setPlayState('idle')
    })
  }

  const onPauseTap = () => {
    pauseVoice()
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
