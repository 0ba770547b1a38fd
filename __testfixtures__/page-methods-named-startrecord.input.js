Page({
  data: { state: 'idle' },
  startRecord() {
    this.setData({ state: 'recording' })
  },
  stopRecord() {
    this.setData({ state: 'idle' })
  },
  onTap() {
    if (this.data.state === 'idle') this.startRecord()
    else this.stopRecord()
  },
})
