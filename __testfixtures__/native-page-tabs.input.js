Page({
	data: {
		path: ''
	},
	begin() {
		const that = this
		wx.startRecord({
			success(res) {
				that.setData({
					path: res.tempFilePath
				})
			},
			complete() {
				wx.hideToast()
			}
		})
	},
	end() {
		wx.stopRecord()
	}
})
