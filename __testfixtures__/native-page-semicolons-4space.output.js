'use strict';

const app = getApp();
const recorderManager = wx.getRecorderManager();

Page({
    data: {
        voice: null
    },

    onPressStart: function () {
        const that = this;
        recorderManager.onStop(function (res) {
            that.setData({ voice: res.tempFilePath });
            app.globalData.lastVoice = res.tempFilePath;
        });
        recorderManager.onError(function (err) {
            // stop() while nothing records: the old stopRecord() was silent there
            if (err.errMsg.indexOf('audio is stop') !== -1) return;
            console.log(err);
        });
        recorderManager.start({ duration: 60000 });
    },

    onPressEnd: function () {
        recorderManager.stop();
    }
});
