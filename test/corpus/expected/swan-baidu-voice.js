// pages/comment/comment.js（百度智能小程序）
const app = getApp();
const swanRecorderManager = swan.getRecorderManager();

Page({
    data: {
        articleId: '',
        voicePath: '',
        holding: false
    },

    onLoad(options) {
        this.setData({ articleId: options.id });
    },

    holdStart() {
        this.setData({ holding: true });
        swanRecorderManager.onStop(res => {
            this.setData({ voicePath: res.tempFilePath });
            this.sendVoice(res.tempFilePath);
        });
        swanRecorderManager.onError(err => {
            // stop() while nothing records: the old stopRecord() was silent there
            if (err.errMsg.indexOf('audio is stop') !== -1) return;
            swan.showToast({ title: '录音失败', icon: 'none' });
            console.log('startRecord fail', err);
        });
        swanRecorderManager.start({ duration: 60000 });
    },

    holdEnd() {
        this.setData({ holding: false });
        swanRecorderManager.stop();
    },

    sendVoice(path) {
        swan.uploadFile({
            url: app.globalData.host + '/comments/voice',
            filePath: path,
            name: 'voice',
            formData: { articleId: this.data.articleId },
            success: () => swan.showToast({ title: '评论成功' })
        });
    }
});
