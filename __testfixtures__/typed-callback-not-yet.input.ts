export function capture(onPath: (p: string) => void) {
  wx.startRecord({
    success: (res: WechatMiniprogram.StartRecordSuccessCallbackResult) => {
      onPath(res.tempFilePath)
    },
  })
}
