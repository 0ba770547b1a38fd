import Taro from '@tarojs/taro'

export function recordAnswer(save: (path: string) => void): void {
  Taro.startRecord({
    success(res: Taro.startRecord.SuccessCallbackResult) {
      save(res.tempFilePath)
    },
    fail(err: TaroGeneral.CallbackResult) {
      if (err.errMsg.includes('auth deny')) {
        Taro.showModal({ title: '提示', content: '请在设置中打开麦克风权限' })
      }
    },
  })
}

export function stopAnswer(): void {
  Taro.stopRecord()
}
