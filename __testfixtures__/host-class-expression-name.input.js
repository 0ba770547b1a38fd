// A class expression named `wx`: inside its body, `wx` is the class, not the global.
const Recorder = class wx {
  static startRecord(options) {
    return options
  }

  static begin() {
    wx.startRecord({ success: (res) => console.log(res.tempFilePath) })
  }
}

module.exports = Recorder
