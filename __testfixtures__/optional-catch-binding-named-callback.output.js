// The page records whether or not warming up the player throws; one start sits in a
// `catch {}` (no parameter, ES2019). The named success callback is found through the catch
// clause's own scope, so its listener is registered as it is (an error before).
const recorderManager = wx.getRecorderManager()

function onRecorded(res) {
  getApp().globalData.lastVoice = res.tempFilePath
}

Page({
  onHoldStart() {
    try {
      this.warmUpPlayer()
    } catch {
      recorderManager.onStop(onRecorded)
      recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
      recorderManager.start({ duration: 60000 })
      return
    }
    recorderManager.onStop(onRecorded)
    recorderManager.onError(function () {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },
  onHoldEnd() {
    recorderManager.stop()
  },
})
