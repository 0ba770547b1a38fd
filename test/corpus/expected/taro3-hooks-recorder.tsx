// @ts-nocheck
import { useEffect, useRef, useState } from 'react'
import Taro, { useDidHide } from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'
import { saveClip } from '@/services/clips'

import './index.scss'

interface Clip {
  path: string
  seconds: number
}

export default function RecorderPage() {
  const [recording, setRecording] = useState(false)
  const [seconds, setSeconds] = useState(0)
  const [clips, setClips] = useState<Clip[]>([])
  const tick = useRef<ReturnType<typeof setInterval>>()
  const secondsRef = useRef(0)

  useEffect(() => {
    return () => {
      clearInterval(tick.current)
      Taro.getRecorderManager().stop()
    }
  }, [])

  useDidHide(() => {
    if (recording) {
      Taro.getRecorderManager().stop()
    }
  })

  const begin = () => {
    setRecording(true)
    setSeconds(0)
    secondsRef.current = 0
    tick.current = setInterval(() => {
      secondsRef.current += 1
      setSeconds(secondsRef.current)
    }, 1000)

    const recorderManager = Taro.getRecorderManager()
    const onRecordSuccess = (res: Taro.RecorderManager.OnStopCallbackResult) => {
      const clip: Clip = { path: res.tempFilePath, seconds: secondsRef.current }
      setClips((prev) => [clip, ...prev])
      saveClip(clip).catch(() => Taro.showToast({ title: '保存失败', icon: 'none' }))
    }
    const onRecordFail = (err: TaroGeneral.CallbackResult) => {
      console.error('startRecord failed', err)
      Taro.showToast({ title: '无法录音', icon: 'none' })
    }
    const onRecordComplete = () => {
      clearInterval(tick.current)
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
      try {
        onRecordFail(err)
      } finally {
        onRecordComplete()
      }
    })
    recorderManager.start({ duration: 60000 })
  }

  const end = () => {
    Taro.getRecorderManager().stop()
  }

  return (
    <View className='recorder'>
      <Text className='recorder__time'>{seconds}s</Text>
      <Button className='recorder__btn' onTouchStart={begin} onTouchEnd={end}>
        {recording ? '松开结束' : '按住录音'}
      </Button>
      {clips.map((c) => (
        <View key={c.path} className='recorder__clip'>
          <Text>{c.seconds}″</Text>
        </View>
      ))}
    </View>
  )
}
