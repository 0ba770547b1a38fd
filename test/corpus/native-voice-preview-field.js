// pages/feedback/voice.js
// 语音反馈：录一段，点“试听”回放，确认后再提交
const app = getApp()

Page({
	data: {
		hasVoice: false,
		submitting: false
	},

	voicePath: '',

	onRecordTap() {
		const that = this
		wx.startRecord({
			success(res) {
				that.voicePath = res.tempFilePath
				that.setData({ hasVoice: true })
				// 录完自动试听一下开头
				wx.playVoice({
					filePath: res.tempFilePath,
				})
				setTimeout(() => { wx.stopVoice() }, 800)
			},
			fail(res) {
				console.log('record fail', res)
			}
		})
		setTimeout(function () {
			wx.stopRecord()
		}, 5000)
	},

	onListenTap() {
		wx.playVoice({
			filePath: this.voicePath
		})
	},

	onSubmit() {
		if (!this.voicePath) return
		this.setData({ submitting: true })
		wx.uploadFile({
			url: app.globalData.api + '/feedback/voice',
			filePath: this.voicePath,
			name: 'voice',
			complete: () => {
				this.setData({ submitting: false })
			}
		})
	}
})
