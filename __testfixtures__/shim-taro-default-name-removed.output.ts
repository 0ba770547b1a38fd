import { useDidHide } from '@tarojs/taro'
import { startRecord } from './startrecord-shim'

// 录音工具：录完把路径交给调用方；停止在页面里做
export async function recordMemo(onSaved: (path: string) => void) {
  const res = await startRecord({})
  onSaved(res.tempFilePath)
}

export function useTrackHide(track: (event: string) => void) {
  useDidHide(() => track('hide'))
}
