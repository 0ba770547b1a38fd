import Taro from '@tarojs/taro'
import { useState, useCallback } from 'react'
import { View } from '@tarojs/components'

function VoiceInput({ onSend }) {
  const [active, setActive] = useState(false)

  const begin = useCallback(() => {
    setActive(true)
    Taro.startRecord({
      success(res) {
        onSend(res.tempFilePath)
      },
      complete() {
        setActive(false)
      }
    })
  }, [onSend])

  const end = useCallback(() => {
    Taro.stopRecord()
  }, [])

  return <View className={active ? 'voice active' : 'voice'} onTouchStart={begin} onTouchEnd={end} />
}

export default VoiceInput
