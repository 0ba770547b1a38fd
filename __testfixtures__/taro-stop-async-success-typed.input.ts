import Taro from '@tarojs/taro'

export class Dictation {
  private busy = false

  begin(): void {
    this.busy = true
    Taro.startRecord({
      success: (res) => this.send(res.tempFilePath),
    })
  }

  end(onDone: (ok: boolean) => void): void {
    Taro.stopRecord({
      success: async (res: TaroGeneral.CallbackResult) => {
        this.busy = false
        await Taro.showToast({ title: res.errMsg === 'stopRecord:ok' ? '已停止' : '停止失败' })
        onDone(true)
      },
    })
  }

  private send(path: string): void {
    void Taro.uploadFile({ url: 'https://example.com/dictation', filePath: path, name: 'audio' })
  }
}
