/**
 * utils/host.js
 * 同一份业务代码跑在微信、百度、支付宝三个小程序里：这里选出当前平台的 API 对象
 */
/* global wx, swan, my */
const host = typeof wx !== 'undefined' ? wx : typeof swan !== 'undefined' ? swan : my

export function canRecord() {
  // 支付宝的 startRecord 参数不一样，这里只判断有没有
  return typeof host.startRecord === 'function'
}

export function beginRecord(options) {
  if (!canRecord()) {
    options.fail && options.fail({ errMsg: 'startRecord:fail not supported' })
    return
  }
  host.startRecord(options)
}

export function endRecord() {
  host.stopRecord && host.stopRecord()
}

export function toast(title) {
  if (host === my) {
    my.showToast({ content: title })
  } else {
    host.showToast({ title, icon: 'none' })
  }
}
