// pages/report/voice-report.js
// 语音报修：录音结果原样上报给后台，后台按 errMsg 记日志
import { post } from '../../api/index'

const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    address: '',
    recording: false,
    sent: false
  },

  onLoad() {
    const user = app.globalData.userInfo || {}
    this.setData({ address: user.address || '' })
  },

  pressRecord() {
    this.setData({ recording: true })
    const onRecordSuccess = (res) => {
      console.log('[voice-report] record result:', res.errMsg, res.tempFilePath)
      // 后台需要完整的回调结果做排查
      post('/repair/voice/log', { result: res, address: this.data.address })
      wx.uploadFile({
        url: app.globalData.host + '/repair/voice',
        filePath: res.tempFilePath,
        name: 'file',
        success: () => this.setData({ sent: true })
      })
    }
    const onRecordFail = (res) => {
      post('/repair/voice/log', { result: res, address: this.data.address })
      wx.showToast({ title: '录音失败', icon: 'none' })
    }
    recorderManager.onStop((res) => {
      onRecordSuccess({ errMsg: 'startRecord:ok', tempFilePath: res.tempFilePath })
    })
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onRecordFail({ errMsg: err.errMsg.replace('operateRecorder:fail', 'startRecord:fail') })
    })
    recorderManager.start({ duration: 60000 })
  },

  releaseRecord() {
    this.setData({ recording: false })
    recorderManager.stop()
  },

  callHotline() {
    wx.makePhoneCall({ phoneNumber: app.globalData.hotline })
  }
})
