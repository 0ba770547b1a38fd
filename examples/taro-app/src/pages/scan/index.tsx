import { useRef } from 'react'
import { Camera, Button, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

// A short clip from the camera: CameraContext.startRecord is video, not the legacy audio API.
export default function ScanPage() {
  const ctx = useRef<Taro.CameraContext>()

  const begin = () => {
    ctx.current = Taro.createCameraContext()
    ctx.current.startRecord({
      success: () => console.log('camera recording'),
    })
  }

  const end = () => {
    ctx.current?.stopRecord({
      success: (res) => console.log(res.tempVideoPath),
    })
  }

  return (
    <View>
      <Camera devicePosition='back' style={{ width: '100%', height: '300px' }} />
      <Button onClick={begin}>Shoot</Button>
      <Button onClick={end}>Done</Button>
    </View>
  )
}
