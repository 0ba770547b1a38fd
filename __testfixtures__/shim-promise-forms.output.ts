import { startRecord } from './startrecord-shim'

export async function recordOnce(): Promise<string> {
  const res = await startRecord({})
  return res.tempFilePath
}

export function recordThen(cb: (p: string) => void) {
  return startRecord({}).then((res) => cb(res.tempFilePath))
}
