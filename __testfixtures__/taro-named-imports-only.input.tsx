import {
  startRecord,
  stopRecord,
  useUnload,
} from '@tarojs/taro'
import { useState } from 'react'
import { View } from '@tarojs/components'

export default function Memo() {
  const [memo, setMemo] = useState('')

  useUnload(() => {
    stopRecord()
  })

  return (
    <View
      onTouchStart={() => {
        startRecord({ success: (res) => setMemo(res.tempFilePath) })
      }}
      onTouchEnd={() => {
        stopRecord()
      }}
    >
      {memo}
    </View>
  )
}
