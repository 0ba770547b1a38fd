import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { View, Button } from '@tarojs/components'

const recorderManager = Taro.getRecorderManager()

export default function Interview() {
  const [answer, setAnswer] = useState('')
  const [question, setQuestion] = useState('')

  useEffect(() => {
    recorderManager.onStop((res) => setAnswer(res.tempFilePath))
  }, [])

  const askQuestion = () => {
    Taro.startRecord({
      success: (res) => {
        setQuestion(res.tempFilePath)
      },
    })
  }

  return (
    <View>
      <Button onClick={askQuestion}>录问题</Button>
      <Button onClick={() => Taro.stopRecord()}>停止</Button>
      <Button onClick={() => recorderManager.start({ duration: 30000 })}>录回答</Button>
      <View>{question}{answer}</View>
    </View>
  )
}
