const recorderManager = wx.getRecorderManager()

Page({
	data: {
		path: ''
	},
	begin() {
		const that = this
		const onRecordSuccess = function (res) {
			that.setData({
				path: res.tempFilePath
			})
		}
		const onRecordComplete = function () {
			wx.hideToast()
		}
		recorderManager.onStop((res) => {
			try {
				onRecordSuccess(res)
			} finally {
				onRecordComplete()
			}
		})
		recorderManager.onError((err) => {
			// stop() while nothing records: the old stopRecord() was silent there
			if (err.errMsg.indexOf('audio is stop') !== -1) return
			onRecordComplete()
		})
		recorderManager.start({ duration: 60000 })
	},
	end() {
		recorderManager.stop()
	}
})
