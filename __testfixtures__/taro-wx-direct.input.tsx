import { useState } from 'react'
import { View } from '@tarojs/components'

// Weapp-only page: calls wx directly, as code that came from `taro convert` sometimes does.
export default function Memo() {
  const [file, setFile] = useState('')
  const start = () => {
    wx.startRecord({
      success: (res) => setFile(res.tempFilePath),
    })
  }
  const stop = () => wx.stopRecord()
  return <View onLongPress={start} onTouchEnd={stop}>{file}</View>
}
