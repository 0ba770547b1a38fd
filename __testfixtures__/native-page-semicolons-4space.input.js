'use strict';

const app = getApp();

Page({
    data: {
        voice: null
    },

    onPressStart: function () {
        const that = this;
        wx.startRecord({
            success: function (res) {
                that.setData({ voice: res.tempFilePath });
                app.globalData.lastVoice = res.tempFilePath;
            },
            fail: function (err) {
                console.log(err);
            }
        });
    },

    onPressEnd: function () {
        wx.stopRecord();
    }
});
