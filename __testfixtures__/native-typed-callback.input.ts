export function capture(onPath: (p: string) => void, onError: (msg: string) => void) {
  wx.startRecord({
    success: (res: WechatMiniprogram.StartRecordSuccessCallbackResult) => {
      onPath(res.tempFilePath)
    },
    fail: (err: WechatMiniprogram.GeneralCallbackResult) => {
      console.error(err)
      onError('录音失败')
    },
  })
}

export function release() {
  wx.stopRecord()
}
