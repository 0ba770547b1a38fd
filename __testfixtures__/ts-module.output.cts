import type { Recorder } from './types'
const recorderManager = wx.getRecorderManager()

const recorder: Recorder = {
  start(onFile) {
    recorderManager.onStop((res) => onFile(res.tempFilePath))
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  stop() {
    recorderManager.stop()
  },
}

export = recorder
