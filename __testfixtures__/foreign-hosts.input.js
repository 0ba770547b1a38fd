// Generated cross-platform code: these hosts do not have WeChat's startRecord.
export function recordOnAlipay(page) {
  my.startRecord({
    maxDuration: 60,
    success: (res) => page.setData({ path: res.apFilePath }),
  })
}

export function recordOnDouyin() {
  tt.startRecord()
  tt.stopRecord()
}

export function recordOnUni() {
  uni.startRecord({ success: (res) => console.log(res.tempFilePath) })
  uni.stopRecord()
}
