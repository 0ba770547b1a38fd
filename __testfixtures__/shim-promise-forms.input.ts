import Taro from '@tarojs/taro'

export async function recordOnce(): Promise<string> {
  const res = await Taro.startRecord({})
  return res.tempFilePath
}

export function recordThen(cb: (p: string) => void) {
  return Taro.startRecord({}).then((res) => cb(res.tempFilePath))
}
