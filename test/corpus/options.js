'use strict';
// What the CLI would pass for a corpus file sitting at its app's root: the shim file it
// writes there, and the Taro version a case states on a line `// corpus: taro <version>`.
function corpusOptions(file, source) {
  const taro = /\/\/ corpus: taro (\S+)/.exec(source);
  return { shimImport: './startrecord-shim', ...(taro ? { taroVersion: taro[1] } : {}) };
}
module.exports = { corpusOptions };
