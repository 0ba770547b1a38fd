// @ts-nocheck
import Taro from '@tarojs/taro'
import { recognizeAudio } from '../api/asr'

export interface VoiceInputCallbacks {
  onBegin?: () => void
  onText?: (text: string) => void
  onError?: (message: string) => void
}

/**
 * 语音输入：按住说话，松开后把录音交给后端识别。
 * 使用 Taro.startRecord / Taro.stopRecord。
 */
export class VoiceInput {
  private busy = false
  private callbacks: VoiceInputCallbacks

  constructor(callbacks: VoiceInputCallbacks) {
    this.callbacks = callbacks
  }

  async begin(): Promise<void> {
    if (this.busy) return
    this.busy = true
    try {
      const recorderManager = Taro.getRecorderManager()
      const onRecordFail: (res: { errMsg: string }) => void = (err) => {
        this.busy = false
        this.callbacks.onError?.('录音失败：' + (err.errMsg || '未知错误'))
      }
      recorderManager.onStop(() => {
        console.log('录音开始')
        this.callbacks.onBegin?.()
      })
      recorderManager.onError((err) => {
        // stop() while nothing records: the old stopRecord() was silent there
        if (err.errMsg.indexOf('audio is stop') !== -1) return
        onRecordFail({ errMsg: err.errMsg.replace('operateRecorder:fail', 'startRecord:fail') })
      })
      recorderManager.start({ duration: 60000 })
    } catch (e) {
      this.busy = false
      this.callbacks.onError?.('无法开始录音')
    }
  }

  end(): void {
    if (!this.busy) return
    Taro.getRecorderManager().stop()
    setTimeout(async () => {
      const res: TaroGeneral.CallbackResult = { errMsg: 'stopRecord:ok' }
      this.busy = false
      const filePath = res.tempFilePath
      if (!filePath) {
        this.callbacks.onError?.('没有拿到录音文件')
        return
      }
      try {
        const { text } = await recognizeAudio(filePath)
        this.callbacks.onText?.(text)
      } catch (e) {
        this.callbacks.onError?.('识别失败')
      }
    })
  }
}
