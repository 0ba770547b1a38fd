import { useDidHide } from '@tarojs/taro'
import { startRecord, stopRecord } from './startrecord-shim'

// 录音工具：录完把路径交给调用方
export async function recordMemo(onSaved: (path: string) => void) {
  const res = await startRecord({})
  onSaved(res.tempFilePath)
}

export function stopMemo() {
  stopRecord()
}

export function useStopOnHide() {
  useDidHide(() => stopRecord())
}
