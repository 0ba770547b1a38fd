// utils/recorder.ts: the start goes through a cast the codemod does not see through, so
// the stop next to it stays on the old API too (one recording, one API).
export function recordOnce(): Promise<string> {
  return new Promise((resolve, reject) => {
    (wx as any).startRecord({
      success: (res: { tempFilePath: string }) => resolve(res.tempFilePath),
      fail: reject,
    })
  })
}

export function stopRecording(): void {
  wx.stopRecord()
}
