// @ts-nocheck
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Button, Text } from '@tarojs/components'

import './index.scss'

export default function LongRecord() {
  const [recording, setRecording] = useState(false)
  const [file, setFile] = useState('')

  const start = () => {
    setRecording(true)
    // 参数是照着 RecorderManager 的文档写的，类型对不上只好 as any
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => {
      setFile(res.tempFilePath)
      setRecording(false)
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      setRecording(false)
    })
    recorderManager.start({ duration: 600000 })
  }

  const stop = () => {
    Taro.getRecorderManager().stop()
  }

  const upload = () => {
    Taro.uploadFile({
      url: 'https://api.example.com/long-record',
      filePath: file,
      name: 'file',
    })
  }

  return (
    <View className='long-record'>
      <Text>{recording ? '录音中（最长 50 秒）' : file ? '已录好' : '未开始'}</Text>
      {recording ? <Button onClick={stop}>停止</Button> : <Button onClick={start}>开始</Button>}
      {file && !recording && <Button onClick={upload}>上传</Button>}
    </View>
  )
}
