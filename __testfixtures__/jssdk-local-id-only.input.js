var voice = { localId: '', serverId: '' }

function beginVoice() {
  wx.startRecord()
}

function endVoice() {
  wx.stopRecord({
    success: function (res) {
      voice.localId = res.localId
      wx.uploadVoice({
        localId: voice.localId,
        success: function (r) { voice.serverId = r.serverId }
      })
    }
  })
}
