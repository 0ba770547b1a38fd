import { startRecord } from './startrecord-shim'

// utils/voice.js of a Taro 3 quiz: the page awaits the spoken answer's file.
export async function recordAnswer() {
  const res = await startRecord()
  return res.tempFilePath
}
