// components/record-button/record-button.js
Component({
  properties: {
    maxSeconds: { type: Number, value: 60 }
  },

  data: {
    pressing: false
  },

  methods: {
    onTouchStart() {
      this.setData({ pressing: true })
      wx.startRecord({
        success: (res) => {
          this.triggerEvent('recorded', { path: res.tempFilePath })
        },
        fail: () => {
          this.triggerEvent('error', {})
        }
      })
    },

    onTouchEnd() {
      this.setData({ pressing: false })
      wx.stopRecord()
    }
  }
})
