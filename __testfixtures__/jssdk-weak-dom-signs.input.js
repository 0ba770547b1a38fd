$(function () {
  $('#talk').on('touchstart', function () {
    wx.startRecord()
    document.getElementById('tip').innerText = '正在录音'
  })
  $('#talk').on('touchend', function () {
    wx.stopRecord()
  })
})
