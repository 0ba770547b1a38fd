// pages/translate/translate.js
// 同声传译插件：按住说中文，松开翻译成英文
const plugin = requirePlugin('voiceTranslate')
const app = getApp()

Page({
  data: {
    holding: false,
    source: '',
    target: '',
    history: []
  },

  onLoad() {
    plugin.onRecognize((res) => {
      this.setData({ source: res.result })
    })
    plugin.onStop((res) => {
      this.setData({ holding: false, source: res.result })
      this.translate(res.result)
    })
    plugin.onError((err) => {
      this.setData({ holding: false })
      wx.showToast({ title: err.msg || '识别失败', icon: 'none' })
    })
  },

  // 页面上的按钮绑定的是 startRecord / stopRecord 这两个方法
  startRecord() {
    this.setData({ holding: true, source: '', target: '' })
    plugin.startRecord({ lang: 'zh_CN', duration: 30000 })
  },

  stopRecord() {
    plugin.stopRecord()
  },

  onTouchCancel() {
    this.stopRecord()
  },

  translate(text) {
    if (!text) return
    plugin.translate({
      lfrom: 'zh_CN',
      lto: 'en_US',
      content: text,
      success: (r) => {
        const history = [{ zh: text, en: r.result }].concat(this.data.history).slice(0, 20)
        this.setData({ target: r.result, history })
        wx.setStorageSync('translate_history', history)
      }
    })
  },

  replay(e) {
    this.startRecord()
    console.log('replay', e.currentTarget.dataset.index, app.globalData.lang)
  }
})
