const { startRecord } = require('@tarojs/taro')

// A Taro 2 helper in CommonJS: the caller awaits the recording's result.
async function recordAnswer() {
  const res = await startRecord()
  return res.tempFilePath
}

module.exports = { recordAnswer }
