type Recorder = (options?: WechatMiniprogram.WxStartRecordOption) => void

// A table of host functions, called later by name.
const actions: Record<string, Recorder> = {
  start: wx.startRecord,
}

export function run(name: string): void {
  actions[name]({ success: (res) => console.log(res.tempFilePath) })
}

export function stopIfSupported(): void {
  wx['stopRecord']()
}

export function startMaybe(args: [WechatMiniprogram.WxStartRecordOption]): void {
  wx.startRecord?.(...args)
}
