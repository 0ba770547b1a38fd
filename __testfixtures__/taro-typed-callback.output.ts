import Taro from '@tarojs/taro'

export function recordAnswer(save: (path: string) => void): void {
  const recorderManager = Taro.getRecorderManager()
  recorderManager.onStop(function (res: Taro.RecorderManager.OnStopCallbackResult) {
    save(res.tempFilePath)
  })
  recorderManager.onError(function (err: TaroGeneral.CallbackResult) {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    if (err.errMsg.includes('auth deny')) {
      Taro.showModal({ title: '提示', content: '请在设置中打开麦克风权限' })
    }
  })
  recorderManager.start({ duration: 60000 })
}

export function stopAnswer(): void {
  Taro.getRecorderManager().stop()
}
