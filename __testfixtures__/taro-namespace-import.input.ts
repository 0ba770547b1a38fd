import * as Taro from '@tarojs/taro'

interface VoiceDraft {
  path: string
  createdAt: number
}

const drafts: VoiceDraft[] = []

export function startDraft(onSaved: (draft: VoiceDraft) => void): void {
  Taro.startRecord({
    success: (res) => {
      const draft = <VoiceDraft>{ path: res.tempFilePath, createdAt: Date.now() }
      drafts.push(draft)
      onSaved(draft)
    },
  })
}

export function stopDraft(): void {
  Taro.stopRecord()
}

export function listDrafts(): VoiceDraft[] {
  return drafts.slice()
}
