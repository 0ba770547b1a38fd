/* H5 容器适配：在微信内置浏览器里把录音接到 JS-SDK 上 */
;(function (global) {
  var isWechat = /MicroMessenger/i.test(navigator.userAgent)

  function Bridge() {
    this.recording = false
  }

  Bridge.prototype.record = wx.startRecord
  Bridge.prototype.finish = function (done) {
    wx.stopRecord({
      success: function (res) {
        done(res)
      }
    })
  }

  if (isWechat) {
    wx.onMenuShareAppMessage({ title: document.title, link: location.href })
  }

  global.VoiceBridge = Bridge
})(this)
