// H5 page inside the WeChat browser: the JS-SDK is loaded by a <script> tag.
fetch('/api/jssdk-signature?url=' + encodeURIComponent(location.href.split('#')[0]))
  .then(r => r.json())
  .then(sig => {
    wx.config({
      debug: false,
      appId: sig.appId,
      timestamp: sig.timestamp,
      nonceStr: sig.nonceStr,
      signature: sig.signature,
      jsApiList: ['startRecord', 'stopRecord', 'uploadVoice']
    })
  })

var recordButton = document.getElementById('record')

recordButton.addEventListener('touchstart', function () {
  wx.startRecord({
    cancel: function () {
      alert('用户拒绝授权录音')
    }
  })
})

recordButton.addEventListener('touchend', function () {
  wx.stopRecord({
    success: function (res) {
      window.voiceLocalId = res.localId
    }
  })
})
