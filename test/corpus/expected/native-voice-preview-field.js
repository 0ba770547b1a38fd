// pages/feedback/voice.js
// 语音反馈：录一段，点“试听”回放，确认后再提交
const app = getApp()
const recorderManager = wx.getRecorderManager()
const innerAudioContext = wx.createInnerAudioContext()

Page({
	data: {
		hasVoice: false,
		submitting: false
	},

	voicePath: '',

	onRecordTap() {
		const that = this
		recorderManager.onStop(function (res) {
			that.voicePath = res.tempFilePath
			that.setData({ hasVoice: true })
			// 录完自动试听一下开头
			if (innerAudioContext.src !== res.tempFilePath || !innerAudioContext.paused) {
				innerAudioContext.stop()
				innerAudioContext.src = res.tempFilePath
			}
			innerAudioContext.play()
			setTimeout(() => { innerAudioContext.stop() }, 800)
		})
		recorderManager.onError(function (res) {
			// stop() while nothing records: the old stopRecord() was silent there
			if (res.errMsg.indexOf('audio is stop') !== -1) return
			console.log('record fail', res)
		})
		recorderManager.start({ duration: 60000 })
		setTimeout(function () {
			recorderManager.stop()
		}, 5000)
	},

	onListenTap() {
		if (innerAudioContext.src !== this.voicePath || !innerAudioContext.paused) {
			innerAudioContext.stop()
			innerAudioContext.src = this.voicePath
		}
		innerAudioContext.play()
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
