// `catch {}` around a start whose success is a named function of the file: the callback's
// binding is found by scope analysis inside the catch clause.
function onRecorded(res: { tempFilePath: string }) {
  console.log(res.tempFilePath)
}

export function record() {
  try {
    prepare()
  } catch {
    wx.startRecord({ success: onRecorded })
  }
}
