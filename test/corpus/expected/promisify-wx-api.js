// utils/wxapi.js
// 把常用的 wx 异步接口包成 Promise，页面里直接 await
import { startRecord as legacyStartRecord, stopRecord as legacyStopRecord } from './startrecord-shim'

const promisify = (fn) => (options = {}) =>
  new Promise((resolve, reject) => {
    fn({
      ...options,
      success: resolve,
      fail: reject
    })
  })

/* 登录相关 */
export const login = promisify(wx.login)
export const checkSession = promisify(wx.checkSession)
export const getSetting = promisify(wx.getSetting)
export const authorize = promisify(wx.authorize)

/* 图片 */
export const chooseImage = promisify(wx.chooseImage)
export const previewImage = promisify(wx.previewImage)

/* 录音：startRecord 在录音结束时 resolve，拿到 tempFilePath */
export const startRecord = promisify(legacyStartRecord)
export const stopRecord = promisify(legacyStopRecord)

/* 文件 */
export const uploadFile = promisify(wx.uploadFile)
export const saveFile = promisify(wx.saveFile)

/* 界面 */
export const showModal = promisify(wx.showModal)

export function toast(title, icon = 'none') {
  wx.showToast({ title, icon })
}

export async function ensureRecordAuth() {
  const { authSetting } = await getSetting()
  if (authSetting['scope.record'] === false) {
    const { confirm } = await showModal({ title: '提示', content: '需要录音权限' })
    if (confirm) wx.openSetting()
    return false
  }
  await authorize({ scope: 'scope.record' })
  return true
}
