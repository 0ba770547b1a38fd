// A page that took stopRecord off wx once, at the top: the stop is a live call the
// rewrite does not follow, so the start stays with it on the old API.
const { stopRecord } = wx

Page({
  data: { voice: '' },
  onPress() {
    wx.startRecord({
      success: (res) => {
        this.setData({ voice: res.tempFilePath })
      },
    })
  },
  onRelease() {
    stopRecord()
  },
})
