// A cross-platform adapter: the host object is passed in or rebound, never the global.
function record(wx, done) {
  wx.startRecord({ success: (res) => done(res.tempFilePath) })
}

function stopWith(api) {
  const wx = api
  wx.stopRecord()
}

var host = typeof swan !== 'undefined' ? swan : null
function baidu() {
  var wx = host
  wx.startRecord()
}

module.exports = { record, stopWith, baidu }
