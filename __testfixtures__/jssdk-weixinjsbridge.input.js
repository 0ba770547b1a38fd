function onBridgeReady() {
  bindVoice()
}

if (typeof WeixinJSBridge === 'undefined') {
  document.addEventListener('WeixinJSBridgeReady', onBridgeReady, false)
} else {
  onBridgeReady()
}

function bindVoice() {
  wx.startRecord()
  setTimeout(function () { wx.stopRecord() }, 5000)
}
