// pages/voice/voice.js（支付宝小程序）
const app = getApp();

Page({
  data: {
    recording: false,
    filePath: '',
  },

  onRecordStart() {
    this.setData({ recording: true });
    my.startRecord({
      maxDuration: 60,
      minDuration: 1,
      success: (res) => {
        this.setData({ filePath: res.apFilePath });
      },
      fail: (err) => {
        my.showToast({ content: '录音失败：' + err.errorMessage });
      },
      complete: () => {
        this.setData({ recording: false });
      },
    });
  },

  onRecordEnd() {
    my.stopRecord();
  },

  onRecordCancel() {
    my.cancelRecord();
    this.setData({ recording: false });
  },

  onUpload() {
    my.uploadFile({
      url: `${app.globalData.host}/voice`,
      fileType: 'audio',
      fileName: 'file',
      filePath: this.data.filePath,
      success: () => my.showToast({ content: '已上传' }),
    });
  },
});
