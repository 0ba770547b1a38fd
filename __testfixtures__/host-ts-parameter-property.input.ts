// `wx` here is a constructor parameter property (an injected API wrapper), not the global:
// the call is left alone and reported.
interface RecorderApi {
  startRecord(options: { success?: (res: { tempFilePath: string }) => void }): void
  stopRecord(): void
}

export class VoiceService {
  constructor(private wx: RecorderApi) {
    wx.startRecord({ success: (res) => console.log(res.tempFilePath) })
  }

  stop() {
    this.wx.stopRecord()
  }
}
