// pages/quiz/oral.js
// 口语题：开始作答后等录音结束（手动结束或满 60 秒），再提交
import { submitOral } from '../../api/quiz'
import { startRecord, stopRecord } from './startrecord-shim'

Page({
  data: {
    quizId: '',
    answering: false,
    submitted: false
  },

  onLoad(query) {
    this.setData({ quizId: query.id })
  },

  async answer() {
    this.setData({ answering: true })
    try {
      // 基础库 2.10.2 起，不传回调时返回 Promise，录音结束才 resolve
      const { tempFilePath } = await startRecord()
      this.setData({ answering: false })
      await submitOral(this.data.quizId, tempFilePath)
      this.setData({ submitted: true })
    } catch (err) {
      this.setData({ answering: false })
      wx.showToast({ title: '作答失败：' + err.errMsg, icon: 'none' })
    }
  },

  finish() {
    stopRecord()
  }
})
