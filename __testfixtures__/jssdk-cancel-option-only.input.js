// The only hint that this is web code: the JS-SDK's startRecord takes a cancel callback.
function talk() {
  wx.startRecord({
    cancel: function () {
      showTip('需要麦克风权限')
    }
  })
}

function done() {
  wx.stopRecord()
}
