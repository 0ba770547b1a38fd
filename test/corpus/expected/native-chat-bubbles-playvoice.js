// pages/chat/room.js
const app = getApp()
const socket = require('../../utils/socket.js')
const { stopVoice, playVoice } = require('./startrecord-shim')
const recorderManager = wx.getRecorderManager()

Page({
  data: {
    roomId: '',
    list: [],
    inputMode: 'text',
    holdText: '按住 说话',
    playingId: '',
    waveFrame: 0,
    scrollTo: ''
  },

  onLoad(query) {
    this.setData({ roomId: query.room })
    socket.join(query.room, (msg) => this.pushMessage(msg))
  },

  onUnload() {
    socket.leave(this.data.roomId)
    clearInterval(this.waveTimer)
    stopVoice()
  },

  pushMessage(msg) {
    const list = this.data.list.concat(msg)
    this.setData({ list, scrollTo: 'msg' + msg.id })
  },

  switchMode() {
    this.setData({ inputMode: this.data.inputMode === 'text' ? 'voice' : 'text' })
  },

  holdStart() {
    const that = this
    const startAt = Date.now()
    that.setData({ holdText: '松开 发送' })
    recorderManager.onStop(function (res) {
      const seconds = Math.max(1, Math.round((Date.now() - startAt) / 1000))
      wx.uploadFile({
        url: `${app.globalData.host}/chat/${that.data.roomId}/voice`,
        filePath: res.tempFilePath,
        name: 'voice',
        formData: { seconds },
        success(up) {
          const msg = JSON.parse(up.data)
          // 本地先用临时文件播放，省一次下载
          msg.localPath = res.tempFilePath
          that.pushMessage(msg)
          socket.send(that.data.roomId, msg)
        }
      })
    })
    recorderManager.onError(function (err) {
      // stop() while nothing records: the old stopRecord() was silent there
      if (err.errMsg.indexOf('audio is stop') !== -1) return
      wx.showToast({ title: '录音失败', icon: 'none' })
    })
    recorderManager.start({ duration: 60000 })
  },

  holdEnd() {
    this.setData({ holdText: '按住 说话' })
    recorderManager.stop()
  },

  // 点击语音气泡播放
  playBubble(e) {
    const that = this
    const item = e.currentTarget.dataset.item
    if (that.data.playingId === item.id) {
      stopVoice()
      clearInterval(that.waveTimer)
      that.setData({ playingId: '', waveFrame: 0 })
      return
    }
    clearInterval(that.waveTimer)
    that.setData({ playingId: item.id })
    that.waveTimer = setInterval(() => {
      that.setData({ waveFrame: (that.data.waveFrame + 1) % 3 })
    }, 400)
    playVoice({
      filePath: item.localPath || item.url,
      complete() {
        clearInterval(that.waveTimer)
        that.setData({ playingId: '', waveFrame: 0 })
      }
    })
  }
})
