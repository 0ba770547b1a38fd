// Voice memo helpers for the native TypeScript template.
const recorderManager = wx.getRecorderManager()

type Done = (path: string) => void

export function startMemo(done: Done): void {
  recorderManager.onStop((res) => {
    done(res.tempFilePath)
  })
  recorderManager.onError((err) => {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    console.warn('[memo] record failed', err)
  })
  recorderManager.start({ duration: 60000 })
}

export function stopMemo(): void {
  recorderManager.stop()
}
