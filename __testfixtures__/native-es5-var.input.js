var app = getApp();

Page({
  data: { path: '' },
  begin: function () {
    var that = this;
    wx.startRecord({
      success: function (res) {
        that.setData({ path: res.tempFilePath });
      }
    });
  },
  end: function () {
    wx.stopRecord();
  }
});
