// A small wrapper that keeps the API object it is given (wx in the app, a fake in tests).
// The codemod cannot tell what this.api.wx is, so the start stays, and so does the page's
// stop below: converted alone, it would not stop a recording started the old way.
class VoiceRecorder {
  constructor(api) {
    this.api = api
  }

  start(onDone) {
    this.api.wx.startRecord({
      success(res) {
        onDone(res.tempFilePath)
      },
    })
  }
}

const recorder = new VoiceRecorder({ wx })

Page({
  onPress() {
    recorder.start((path) => this.setData({ path }))
  },
  onRelease() {
    wx.stopRecord()
  },
})
