import T from '@tarojs/taro'
import { View } from '@tarojs/components'

export default function Mic(props: { onPath: (p: string) => void }) {
  function down() {
    const recorderManager = T.getRecorderManager()
    recorderManager.onStop((res) => props.onPath(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }
  function up() {
    T.getRecorderManager().stop()
  }
  return <View onTouchStart={down} onTouchEnd={up}>🎤</View>
}
