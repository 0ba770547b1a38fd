export default {
  data() {
    return { recording: false }
  },
  methods: {
    startRecord() {
      this.recording = true
      this.$invoke('recorder', 'startRecord')
    },
    stopRecord() {
      this.recording = false
      this.$emit('stopRecord')
    },
  },
}
