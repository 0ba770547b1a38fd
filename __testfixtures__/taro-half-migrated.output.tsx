import Taro from '@tarojs/taro'
import { useState } from 'react'
import { View, Button } from '@tarojs/components'

const recorderManager = Taro.getRecorderManager()

export default function Interview() {
  const [answer, setAnswer] = useState('')
  const [question, setQuestion] = useState('')

  const answerQuestion = () => {
    recorderManager.onStop((res) => setAnswer(res.tempFilePath))
    recorderManager.start({ duration: 30000 })
  }

  const askQuestion = () => {
    recorderManager.onStop((res) => {
      setQuestion(res.tempFilePath)
    })
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }

  const stopQuestion = () => {
    recorderManager.stop()
  }

  return (
    <View>
      <Button onClick={askQuestion}>录问题</Button>
      <Button onClick={stopQuestion}>停止</Button>
      <Button onClick={answerQuestion}>录回答</Button>
      <View>{question}{answer}</View>
    </View>
  )
}
