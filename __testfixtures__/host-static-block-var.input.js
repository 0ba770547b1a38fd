// A `var` in a class static block: `wx` there is Baidu's `swan`, not WeChat's global.
class Platform {
  static {
    var wx = swan
    wx.startRecord({ success: (res) => console.log(res.tempFilePath) })
  }
}

module.exports = Platform
