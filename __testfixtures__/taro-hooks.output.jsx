import Taro from '@tarojs/taro'
import { useState, useCallback } from 'react'
import { View } from '@tarojs/components'

function VoiceInput({ onSend }) {
  const [active, setActive] = useState(false)

  const begin = useCallback(() => {
    setActive(true)
    const recorderManager = Taro.getRecorderManager()
    const onRecordSuccess = function (res) {
      onSend(res.tempFilePath)
    }
    const onRecordComplete = function () {
      setActive(false)
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
  }, [onSend])

  const end = useCallback(() => {
    Taro.getRecorderManager().stop()
  }, [])

  return <View className={active ? 'voice active' : 'voice'} onTouchStart={begin} onTouchEnd={end} />
}

export default VoiceInput
