// 活动页：分享 + 按住录一段祝福（JS-SDK，没有 wx.config 的文件只是一部分）
function bindShare(title) {
  wx.updateAppMessageShareData({ title: title, desc: '送你一段语音祝福' })
}

function holdToRecord() {
  wx.startRecord()
}

function releaseToStop(cb) {
  wx.stopRecord({ success: cb })
}

module.exports = { bindShare, holdToRecord, releaseToStop }
