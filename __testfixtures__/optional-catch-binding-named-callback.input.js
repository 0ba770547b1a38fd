// The page records whether or not warming up the player throws; one start sits in a
// `catch {}` (no parameter, ES2019). The named success callback is found through the catch
// clause's own scope, so its listener is registered as it is (an error before).
function onRecorded(res) {
  getApp().globalData.lastVoice = res.tempFilePath
}

Page({
  onHoldStart() {
    try {
      this.warmUpPlayer()
    } catch {
      wx.startRecord({ success: onRecorded })
      return
    }
    wx.startRecord({ success: onRecorded })
  },
  onHoldEnd() {
    wx.stopRecord()
  },
})
