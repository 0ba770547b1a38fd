// pages/karaoke/sing.js
// 录音逻辑封装在 ./mic 里（内部已经用 RecorderManager 实现）
import { startRecord, stopRecord, onRecordDone } from './mic'
import { submitSong } from '../../api/karaoke'

const app = getApp()

Page({
  data: {
    song: null,
    singing: false,
    lyricIndex: 0
  },

  onLoad(query) {
    this.setData({ song: app.globalData.songs[query.id] })
    onRecordDone((file) => {
      this.setData({ singing: false })
      submitSong(this.data.song.id, file.tempFilePath)
    })
  },

  beginSing() {
    this.setData({ singing: true, lyricIndex: 0 })
    startRecord({ format: 'mp3', sampleRate: 44100 })
    this.lyricTimer = setInterval(() => {
      this.setData({ lyricIndex: this.data.lyricIndex + 1 })
    }, 3000)
  },

  endSing() {
    clearInterval(this.lyricTimer)
    stopRecord()
  },

  onUnload() {
    clearInterval(this.lyricTimer)
    if (this.data.singing) stopRecord()
  }
})
