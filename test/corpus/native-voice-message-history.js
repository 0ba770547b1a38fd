// pages/inbox/history.js
// 历史语音消息：只播放，不录音（录音在 pages/inbox/compose）
const api = require('../../utils/api')

Page({
  data: {
    messages: [],
    playingId: null
  },

  onLoad(query) {
    api.get('/inbox/' + query.id + '/voices').then((messages) => {
      this.setData({ messages })
    })
  },

  onPlay(e) {
    const msg = this.data.messages[e.currentTarget.dataset.index]
    wx.downloadFile({
      url: msg.url,
      success: (res) => {
        this.setData({ playingId: msg.id })
        wx.playVoice({
          filePath: res.tempFilePath,
          complete: () => {
            this.setData({ playingId: null })
          }
        })
      }
    })
  },

  onHide() {
    wx.stopVoice()
  }
})
