import T from '@tarojs/taro'
import { View } from '@tarojs/components'

export default function Mic(props: { onPath: (p: string) => void }) {
  function down() {
    T.startRecord({
      success: (res) => props.onPath(res.tempFilePath),
    })
  }
  function up() {
    T.stopRecord()
  }
  return <View onTouchStart={down} onTouchEnd={up}>🎤</View>
}
