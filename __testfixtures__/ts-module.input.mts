// Voice memo helpers for the native TypeScript template.
type Done = (path: string) => void

export function startMemo(done: Done): void {
  wx.startRecord({
    success: (res) => {
      done(res.tempFilePath)
    },
    fail: (err) => {
      console.warn('[memo] record failed', err)
    },
  })
}

export function stopMemo(): void {
  wx.stopRecord()
}
