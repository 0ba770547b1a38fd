const recorderManager = wx.getRecorderManager()

export function capture(onPath: (p: string) => void, onError: (msg: string) => void) {
  recorderManager.onStop((res: WechatMiniprogram.OnStopListenerResult) => {
    onPath(res.tempFilePath)
  })
  recorderManager.onError((err: WechatMiniprogram.GeneralCallbackResult) => {
    console.error(err)
    onError('录音失败')
  })
  recorderManager.start({ duration: 60000 })
}

export function release() {
  recorderManager.stop()
}
