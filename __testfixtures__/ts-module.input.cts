import type { Recorder } from './types'

const recorder: Recorder = {
  start(onFile) {
    wx.startRecord({
      success: (res) => onFile(res.tempFilePath),
    })
  },
  stop() {
    wx.stopRecord()
  },
}

export = recorder
