import * as Taro from '@tarojs/taro'

interface VoiceDraft {
  path: string
  createdAt: number
}

const drafts: VoiceDraft[] = []

export function startDraft(onSaved: (draft: VoiceDraft) => void): void {
  const recorderManager = Taro.getRecorderManager()
  recorderManager.onStop((res) => {
    const draft = <VoiceDraft>{ path: res.tempFilePath, createdAt: Date.now() }
    drafts.push(draft)
    onSaved(draft)
  })
  recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
  recorderManager.start({ duration: 60000 })
}

export function stopDraft(): void {
  Taro.getRecorderManager().stop()
}

export function listDrafts(): VoiceDraft[] {
  return drafts.slice()
}
