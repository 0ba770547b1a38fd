// pages/record/record.js（百度智能小程序版）
// 代码从微信小程序拷过来，为了少改动，直接用 wx 指向 swan
var wx = swan;
var app = getApp();

Page({
    data: {
        recording: false,
        src: ''
    },

    start: function () {
        var that = this;
        that.setData({ recording: true });
        wx.startRecord({
            success: function (res) {
                that.setData({ src: res.tempFilePath });
            },
            complete: function () {
                that.setData({ recording: false });
            }
        });
    },

    stop: function () {
        wx.stopRecord();
    },

    upload: function () {
        wx.uploadFile({
            url: app.globalData.host + '/record',
            filePath: this.data.src,
            name: 'file'
        });
    }
});
