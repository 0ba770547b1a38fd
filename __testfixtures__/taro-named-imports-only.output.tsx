import {
  useUnload,
  getRecorderManager,
} from '@tarojs/taro'
import { useState } from 'react'
import { View } from '@tarojs/components'

export default function Memo() {
  const [memo, setMemo] = useState('')

  useUnload(() => {
    getRecorderManager().stop()
  })

  return (
    <View
      onTouchStart={() => {
        const recorderManager = getRecorderManager()
        recorderManager.onStop((res) => setMemo(res.tempFilePath))
        recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
        recorderManager.start({ duration: 60000 })
      }}
      onTouchEnd={() => {
        getRecorderManager().stop()
      }}
    >
      {memo}
    </View>
  )
}
