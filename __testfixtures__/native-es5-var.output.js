var app = getApp();
var recorderManager = wx.getRecorderManager();

Page({
  data: { path: '' },
  begin: function () {
    var that = this;
    recorderManager.onStop(function (res) {
      that.setData({ path: res.tempFilePath });
    });
    recorderManager.onError(function () {}); // no fail callback: clears an earlier start's listener
    recorderManager.start({ duration: 60000 });
  },
  end: function () {
    recorderManager.stop();
  }
});
