const plugin = requirePlugin('WechatSI')
const manager = plugin.getRecordRecognitionManager()

Page({
  data: { text: '' },
  onLoad() {
    manager.onStop = (res) => {
      this.setData({ text: res.result })
    }
  },
  streamStart() {
    manager.start({ lang: 'zh_CN' })
  },
  legacyStart() {
    plugin.startRecord({ lang: 'zh_CN' })
  },
  streamStop() {
    manager.stop()
    plugin.stopRecord()
  },
})
