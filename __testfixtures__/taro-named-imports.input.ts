import Taro, { startRecord, stopRecord as stop, showToast } from '@tarojs/taro'

export function beginNote(onSaved: (path: string) => void): void {
  startRecord({
    success: (res) => onSaved(res.tempFilePath),
    fail: () => {
      showToast({ title: '录音失败', icon: 'none' })
    },
  })
}

export function endNote(): void {
  stop()
}

export function vibrate(): void {
  Taro.vibrateShort()
}
