// 家长会签到页：按住录一句话留言（运行在公众号网页里）
$(function () {
  var pressAt = 0
  var pressTimer = null
  var localId = ''

  $('#holdBtn').on('touchstart', function (event) {
    event.preventDefault()
    pressAt = new Date().getTime()
    $(this).addClass('active').text('松开 结束')
    // 延迟 300ms 再开始，避免误触
    pressTimer = setTimeout(function () {
      wx.startRecord({
        success: function () {
          localStorage.allowRecord = 'true'
        },
        cancel: function () {
          alert('用户拒绝授权录音')
        }
      })
    }, 300)
  })

  $('#holdBtn').on('touchend', function (event) {
    event.preventDefault()
    $(this).removeClass('active').text('按住 留言')
    if (new Date().getTime() - pressAt < 300) {
      clearTimeout(pressTimer)
      return
    }
    wx.stopRecord({
      success: function (res) {
        localId = res.localId
        $('#preview').show()
      },
      fail: function (res) {
        alert(JSON.stringify(res))
      }
    })
  })

  $('#preview').on('click', function () {
    wx.playVoice({ localId: localId })
  })

  $('#send').on('click', function () {
    wx.uploadVoice({
      localId: localId,
      success: function (res) {
        $.post('/meeting/sign', { serverId: res.serverId, name: $('#name').val() }, function () {
          $('#done').show()
        })
      }
    })
  })
})
