/**
 * utils/recorder.js
 * 录音工具：页面里调用 recorder.start(onDone, onFail) / recorder.stop()
 */
var recorderManager = wx.getRecorderManager()

var recording = false
var startedAt = 0

function start(onDone, onFail) {
  if (recording) {
    onFail && onFail('正在录音中')
    return
  }
  recording = true
  startedAt = Date.now()
  recorderManager.onStop(function (res) {
    recording = false
    var seconds = Math.round((Date.now() - startedAt) / 1000)
    onDone && onDone(res.tempFilePath, seconds)
  })
  recorderManager.onError(function (err) {
    // stop() while nothing records: the old stopRecord() was silent there
    if (err.errMsg.indexOf('audio is stop') !== -1) return
    recording = false
    onFail && onFail('录音失败')
  })
  recorderManager.start({ duration: 60000 })
}

function stop() {
  if (!recording) return
  recorderManager.stop()
}

function isRecording() {
  return recording
}

module.exports = {
  start: start,
  stop: stop,
  isRecording: isRecording
}
