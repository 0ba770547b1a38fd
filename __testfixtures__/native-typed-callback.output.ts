const recorderManager = wx.getRecorderManager()

export function capture(onPath: (p: string) => void, onError: (msg: string) => void) {
  recorderManager.onStop((res: WechatMiniprogram.OnStopListenerResult) => {
    onPath(res.tempFilePath)
  })
  recorderManager.onError((err: WechatMiniprogram.GeneralCallbackResult) => {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    console.error(err)
    onError('录音失败')
  })
  recorderManager.start({ duration: 60000 })
}

export function release() {
  recorderManager.stop()
}
