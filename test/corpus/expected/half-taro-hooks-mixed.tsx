// @ts-nocheck
import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { postVoiceComment } from '@/api/comment'

// 录音管理器（新接口）
const recorderManager = Taro.getRecorderManager()

interface Props {
  articleId: string
}

export default function VoiceComment({ articleId }: Props) {
  const [pressing, setPressing] = useState(false)
  const [sending, setSending] = useState(false)

  useEffect(() => {
    recorderManager.onStop(async (res: Taro.RecorderManager.OnStopCallbackResult) => {
      setPressing(false)
      if (res.duration < 1000) {
        Taro.showToast({ title: '太短了', icon: 'none' })
        return
      }
      setSending(true)
      try {
        await postVoiceComment(articleId, res.tempFilePath, res.duration)
      } finally {
        setSending(false)
      }
    })
  }, [articleId])

  const onTouchStart = () => {
    setPressing(true)
    recorderManager.start({ duration: 60000, format: 'aac' })
  }

  const onTouchEnd = () => {
    // 还没来得及改
    recorderManager.stop()
  }

  return (
    <View className='voice-comment'>
      <View
        className={pressing ? 'voice-comment__btn is-pressing' : 'voice-comment__btn'}
        onTouchStart={onTouchStart}
        onTouchEnd={onTouchEnd}
      >
        <Text>{sending ? '发送中…' : pressing ? '松开发送' : '按住说一句'}</Text>
      </View>
    </View>
  )
}
