// A braceless if around playVoice: its several new statements become one block.
Page({
  rec() { wx.startRecord({ success: (r) => { this.p = r.tempFilePath } }) },
  end() { wx.stopRecord() },
  play() {
    if (this.p) wx.playVoice({ filePath: this.p })
    else wx.showToast({ title: 'none' })
  },
})
