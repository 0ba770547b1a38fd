// __tests__/voice.test.js
global.wx = {}

beforeEach(() => {
  wx.startRecord = jest.fn((opts) => opts.success({ tempFilePath: 'tmp.silk' }))
  wx.stopRecord = jest.fn()
})

afterEach(() => {
  delete wx.startRecord
})
