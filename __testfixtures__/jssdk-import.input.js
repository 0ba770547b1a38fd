import wx from 'weixin-js-sdk'

export function startVoice(onEnd) {
  wx.startRecord({
    success() {
      console.log('recording started')
    },
  })
  wx.onVoiceRecordEnd({
    complete(res) {
      onEnd(res.localId)
    },
  })
}

export function stopVoice(cb) {
  wx.stopRecord({
    success(res) {
      cb(res.localId)
    },
  })
}
