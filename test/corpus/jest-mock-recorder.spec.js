// __tests__/voice-page.spec.js
// 用 miniprogram-simulate 跑录音页的单元测试，wx 是假的
const simulate = require('miniprogram-simulate')
const path = require('path')

describe('voice page', () => {
  let page

  beforeEach(() => {
    global.wx = global.wx || {}
    wx.startRecord = jest.fn((opts) => {
      setTimeout(() => opts.success({ errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp_1.silk' }), 10)
    })
    wx.stopRecord = jest.fn()
    wx.uploadFile = jest.fn()
    wx.showToast = jest.fn()

    const id = simulate.load(path.join(__dirname, '../pages/voice/voice'))
    page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
  })

  afterEach(() => {
    delete wx.startRecord
    delete wx.stopRecord
  })

  test('按下开始录音，松开停止', async () => {
    page.instance.handleTouchStart()
    expect(wx.startRecord).toHaveBeenCalledTimes(1)

    page.instance.handleTouchEnd()
    expect(wx.stopRecord).toHaveBeenCalled()

    await simulate.sleep(20)
    expect(wx.uploadFile).toHaveBeenCalledWith(
      expect.objectContaining({ filePath: 'wxfile://tmp_1.silk' })
    )
  })

  test('录音失败时提示', () => {
    wx.startRecord.mockImplementationOnce((opts) => opts.fail({ errMsg: 'startRecord:fail auth deny' }))
    page.instance.handleTouchStart()
    expect(wx.showToast).toHaveBeenCalled()
  })
})
