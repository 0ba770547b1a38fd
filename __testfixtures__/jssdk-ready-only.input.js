wx.ready(function () {
  var button = getButton()
  button.ontouchstart = function () {
    wx.startRecord()
  }
  button.ontouchend = function () {
    wx.stopRecord()
  }
})
