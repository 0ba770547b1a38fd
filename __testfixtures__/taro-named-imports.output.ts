import Taro, { showToast } from '@tarojs/taro'

export function beginNote(onSaved: (path: string) => void): void {
  const recorderManager = Taro.getRecorderManager()
  recorderManager.onStop((res) => onSaved(res.tempFilePath))
  recorderManager.onError((err) => {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
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
