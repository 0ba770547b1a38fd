// pages/exercise/exercise.js
// 跟练页：进入页面时先“试录”一下，让系统弹出麦克风授权，正式录制用摄像头
const app = getApp()
const call = require('../../utils/call.js')
const { startRecord, stopRecord } = require('./startrecord-shim')

Page({
  data: {
    videoSrc: '',
    cameraReady: false,
    recording: false
  },

  onLoad() {
    const url = '/exercise/video?user_id=' + wx.getStorageSync('userId') + '&id=' + wx.getStorageSync('exerciseId')
    call.getData(url, this.onVideo, this.onVideoFail)
    this.ctx = wx.createCameraContext()
    // 申请录音权限：开始后马上结束，只为了弹授权框
    startRecord({})
    stopRecord({})
  },

  onVideo(res) {
    if (res.code === 200) {
      this.setData({ videoSrc: app.globalData.host + res.data[0].video })
    } else {
      this.onVideoFail()
    }
  },

  onVideoFail() {
    wx.showToast({ title: '加载失败了', icon: 'error', duration: 2000 })
  },

  onCameraInit() {
    this.setData({ cameraReady: true })
  },

  // 录制跟练视频（带声音）
  begin() {
    this.ctx.startRecord({
      success: () => this.setData({ recording: true })
    })
  },

  finish() {
    this.ctx.stopRecord({
      success: (res) => {
        this.setData({ recording: false })
        wx.navigateTo({ url: '/pages/score/score?video=' + encodeURIComponent(res.tempVideoPath) })
      }
    })
  }
})
