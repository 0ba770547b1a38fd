/*
 * Old implementation, kept for reference:
 *   wx.startRecord({ success: (res) => this.save(res.tempFilePath) })
 *   wx.stopRecord()
 */
// wx.startRecord() was removed in favour of the recorder manager

type StartRecord = typeof wx.startRecord
type StopOption = Parameters<typeof wx.stopRecord>[0]

export const DEPRECATED_APIS = ['wx.startRecord', 'wx.stopRecord']
export const help = `Call wx.startRecord() to record (deprecated)`

export function describe(fn: StartRecord, opt: StopOption): string {
  return String(fn) + JSON.stringify(opt)
}
