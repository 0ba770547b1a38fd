// H5 page on the WeChat JS-SDK: its voice API is not the mini-program's
wx.ready(function () {
  var localId = ''
  document.getElementById('rec').onclick = function () {
    wx.startRecord()
  }
  document.getElementById('stop').onclick = function () {
    wx.stopRecord({
      success: function (res) {
        localId = res.localId
      }
    })
  }
  document.getElementById('play').onclick = function () {
    wx.playVoice({ localId: localId })
  }
  document.getElementById('pause').onclick = function () {
    wx.pauseVoice({ localId: localId })
  }
  wx.onVoicePlayEnd({
    success: function () {
      wx.stopVoice({ localId: localId })
    }
  })
})
