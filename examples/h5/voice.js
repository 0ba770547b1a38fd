// A web page inside WeChat using the JS-SDK (jweixin): its wx.startRecord is another API.
// Success fires when recording starts, stopRecord hands back a localId, and a refusal
// arrives in `cancel`. The codemod must leave this file alone.
wx.config({
  appId: window.WX_APP_ID,
  timestamp: window.WX_TIMESTAMP,
  nonceStr: window.WX_NONCE,
  signature: window.WX_SIGNATURE,
  jsApiList: ['startRecord', 'stopRecord', 'onVoiceRecordEnd', 'uploadVoice']
})

var recordButton = document.getElementById('record')

wx.ready(function () {
  recordButton.addEventListener('touchstart', function () {
    wx.startRecord({
      cancel: function () {
        alert('Please allow the microphone to leave a voice message')
      }
    })
  })

  recordButton.addEventListener('touchend', function () {
    wx.stopRecord({
      success: function (res) {
        sendVoice(res.localId)
      }
    })
  })

  wx.onVoiceRecordEnd({
    complete: function (res) {
      sendVoice(res.localId)
    }
  })
})

function sendVoice(localId) {
  wx.uploadVoice({
    localId: localId,
    isShowProgressTips: 1,
    success: function (res) {
      document.getElementById('server-id').value = res.serverId
    }
  })
}
