import { useState } from 'react'
import { View } from '@tarojs/components'

// Weapp-only page: calls wx directly, as code that came from `taro convert` sometimes does.
export default function Memo() {
  const [file, setFile] = useState('')
  const start = () => {
    const recorderManager = wx.getRecorderManager()
    recorderManager.onStop((res) => setFile(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }
  const stop = () => wx.getRecorderManager().stop()
  return <View onLongPress={start} onTouchEnd={stop}>{file}</View>
}
