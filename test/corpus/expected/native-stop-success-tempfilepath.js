// pages/record/record.js
const app = getApp()
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    src: '',
    recording: false,
    list: []
  },

  onShow() {
    this.setData({ list: wx.getStorageSync('my_records') || [] })
  },

  start() {
    this.setData({ recording: true })
    recorderManager.onStop(() => {}) // no success callback: clears an earlier start's listener
    recorderManager.onError(() => {}) // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 })
  },

  stop() {
    const that = this
    recorderManager.stop()
    setTimeout(function () {
      const res = { errMsg: 'stopRecord:ok' }
      // 停止后拿到录音文件
      console.log('stop', res)
      const list = that.data.list
      list.unshift({ path: res.tempFilePath, time: Date.now() })
      wx.setStorageSync('my_records', list)
      that.setData({ src: res.tempFilePath, recording: false, list })
    })
  },

  remove(e) {
    const index = e.currentTarget.dataset.index
    const list = this.data.list
    list.splice(index, 1)
    wx.setStorageSync('my_records', list)
    this.setData({ list })
  },

  share() {
    if (!this.data.src) return
    wx.showToast({ title: '已复制链接', icon: 'none' })
    wx.setClipboardData({ data: app.globalData.host + '/share?f=' + encodeURIComponent(this.data.src) })
  }
})
