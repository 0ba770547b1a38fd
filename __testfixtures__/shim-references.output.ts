import { startRecord, stopRecord } from './startrecord-shim'

type Recorder = (options?: WechatMiniprogram.WxStartRecordOption) => void

// A table of host functions, called later by name.
const actions: Record<string, Recorder> = {
  start: startRecord,
}

export function run(name: string): void {
  actions[name]({ success: (res) => console.log(res.tempFilePath) })
}

export function stopIfSupported(): void {
  stopRecord()
}

export function startMaybe(args: [WechatMiniprogram.WxStartRecordOption]): void {
  startRecord?.(...args)
}
