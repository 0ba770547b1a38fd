// pages/comment/comment.js（百度智能小程序）
const app = getApp();

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
        swan.startRecord({
            success: res => {
                this.setData({ voicePath: res.tempFilePath });
                this.sendVoice(res.tempFilePath);
            },
            fail: err => {
                swan.showToast({ title: '录音失败', icon: 'none' });
                console.log('startRecord fail', err);
            }
        });
    },

    holdEnd() {
        this.setData({ holding: false });
        swan.stopRecord();
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
