import Taro, { showToast } from '@tarojs/taro'

export function beginNote(onSaved: (path: string) => void): void {
  const recorderManager = Taro.getRecorderManager()
  recorderManager.onStop((res) => onSaved(res.tempFilePath))
  recorderManager.onError(() => {
    showToast({ title: '录音失败', icon: 'none' })
  })
  recorderManager.start({ duration: 60000 })
}

export function endNote(): void {
  Taro.getRecorderManager().stop()
}

export function vibrate(): void {
  Taro.vibrateShort()
}
