App({
  globalData: {
    uploadUrl: 'https://example.com/api/memos'
  }
})
