/* 活动页语音祝福（公众号网页） */
(function () {
  var isWechat = /MicroMessenger/i.test(navigator.userAgent)
  var voice = { localId: '', serverId: '' }
  var recording = false

  function initSdk(conf) {
    wx.config({
      debug: false,
      appId: conf.appId,
      timestamp: conf.timestamp,
      nonceStr: conf.nonceStr,
      signature: conf.signature,
      jsApiList: [
        'startRecord',
        'stopRecord',
        'onVoiceRecordEnd',
        'playVoice',
        'uploadVoice',
        'onMenuShareAppMessage'
      ]
    })
  }

  function bindButtons() {
    var btn = document.getElementById('recordBtn')
    btn.addEventListener('touchstart', function (e) {
      e.preventDefault()
      recording = true
      btn.innerText = '松开 结束'
      wx.startRecord({
        cancel: function () {
          alert('您拒绝了录音授权')
        }
      })
    })
    btn.addEventListener('touchend', function (e) {
      e.preventDefault()
      if (!recording) return
      recording = false
      btn.innerText = '按住 录祝福'
      wx.stopRecord({
        success: function (res) {
          voice.localId = res.localId
          upload()
        }
      })
    })
    document.getElementById('playBtn').onclick = function () {
      if (voice.localId) {
        wx.playVoice({ localId: voice.localId })
      }
    }
  }

  function upload() {
    wx.uploadVoice({
      localId: voice.localId,
      isShowProgressTips: 1,
      success: function (res) {
        voice.serverId = res.serverId
        var xhr = new XMLHttpRequest()
        xhr.open('POST', '/api/blessing/voice')
        xhr.setRequestHeader('Content-Type', 'application/json')
        xhr.send(JSON.stringify({ serverId: res.serverId }))
      }
    })
  }

  if (!isWechat) {
    document.getElementById('tip').style.display = 'block'
    return
  }

  var xhr = new XMLHttpRequest()
  xhr.open('GET', '/api/wx/signature?url=' + encodeURIComponent(location.href.split('#')[0]))
  xhr.onload = function () {
    initSdk(JSON.parse(xhr.responseText))
  }
  xhr.send()

  wx.ready(function () {
    bindButtons()
    // 录音超过一分钟会自动停止
    wx.onVoiceRecordEnd({
      complete: function (res) {
        recording = false
        voice.localId = res.localId
        upload()
      }
    })
    wx.onMenuShareAppMessage({
      title: '送你一段语音祝福',
      link: location.href,
      imgUrl: location.origin + '/static/share.png'
    })
  })
})()
