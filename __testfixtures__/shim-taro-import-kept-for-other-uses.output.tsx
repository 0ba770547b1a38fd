import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Button } from '@tarojs/components'
import { startRecord, stopRecord } from './startrecord-shim'

// 语音备忘：录完直接上传
export default function VoiceMemo() {
  const [uploading, setUploading] = useState(false)

  const record = async () => {
    const res = await startRecord({})
    setUploading(true)
    await Taro.uploadFile({ url: 'https://example.com/memo', filePath: res.tempFilePath, name: 'voice' })
    setUploading(false)
  }

  return (
    <View>
      <Button onClick={record}>{uploading ? '上传中' : '录音'}</Button>
      <Button onClick={() => stopRecord()}>停止</Button>
    </View>
  )
}
