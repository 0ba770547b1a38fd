import { startRecord } from '@tarojs/taro'

// A capability check keeps the import from Taro, so the awaited call cannot take the
// same name from the shim.
export async function recordIfSupported() {
  if (typeof startRecord !== 'function') return null
  const res = await startRecord()
  return res.tempFilePath
}
