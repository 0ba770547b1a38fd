// pages/sign/voice-sign.js
// 语音签到：说出今日口令完成签到
const app = getApp()
const recorderManager = wx.getRecorderManager()
let page = null

function onSignVoice(res) {
  page.setData({ checking: true })
  wx.uploadFile({
    url: app.globalData.host + '/sign/voice',
    filePath: res.tempFilePath,
    name: 'voice',
    header: { token: wx.getStorageSync('token') },
    success(r) {
      const data = JSON.parse(r.data)
      page.setData({ checking: false, signed: data.ok, score: data.score })
    },
    fail() {
      page.setData({ checking: false })
      wx.showToast({ title: '网络异常', icon: 'none' })
    }
  })
}

function onSignFail(err) {
  page.setData({ speaking: false })
  if (err.errMsg.indexOf('startRecord:fail') === 0) {
    wx.showToast({ title: '无法录音，请稍后再试', icon: 'none' })
  }
}

Page({
  data: {
    word: '',
    speaking: false,
    checking: false,
    signed: false,
    score: 0
  },

  onLoad() {
    page = this
    wx.request({
      url: app.globalData.host + '/sign/today',
      success: ({ data }) => this.setData({ word: data.word })
    })
  },

  onUnload() {
    page = null
  },

  speakStart() {
    this.setData({ speaking: true })
    recorderManager.onStop(onSignVoice)
    recorderManager.onError((err) => {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      onSignFail({ errMsg: err.errMsg.replace('operateRecorder:fail', 'startRecord:fail') })
    })
    recorderManager.start({ duration: 60000 })
  },

  speakEnd() {
    this.setData({ speaking: false })
    recorderManager.stop()
  }
})
