#!/usr/bin/env node
// Lays out the compiled shim (shim/src/index.ts, compiled by `npm run build` to ES5) for
// each way it reaches an app:
// - the package `startrecord-codemod-shim` (the shim/ workspace): dist/index.js (CommonJS,
//   `main`/`require`), dist/index.mjs (ES module, `module`/`import`, tree-shakeable) and
//   miniprogram_dist/ (the `miniprogram` field, which WeChat's "build npm" copies as is);
// - the file the codemod writes into an app by default: dist/shim-files/ of the CLI
//   package, one CommonJS and one ES module text and their types, each with a header that
//   says what the file is and when to delete it (src/shim-delivery/shim-file.ts).
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const shim = path.join(root, 'shim');
const version = require(path.join(shim, 'package.json')).version;

const cjs = fs.readFileSync(path.join(shim, 'dist', 'index.js'), 'utf8');
const esm = fs.readFileSync(path.join(shim, '.esm-build', 'index.js'), 'utf8');
const types = fs.readFileSync(path.join(shim, 'dist', 'index.d.ts'), 'utf8');

fs.writeFileSync(path.join(shim, 'dist', 'index.mjs'), esm);
fs.rmSync(path.join(shim, '.esm-build'), { recursive: true, force: true });
const miniprogram = path.join(shim, 'miniprogram_dist');
fs.mkdirSync(miniprogram, { recursive: true });
fs.writeFileSync(path.join(miniprogram, 'index.js'), cjs);
fs.writeFileSync(path.join(miniprogram, 'index.d.ts'), types);

const header = [
  `// startrecord-shim (startrecord-codemod-shim ${version}), written by startrecord-codemod.`,
  '// The deprecated startRecord/stopRecord (over getRecorderManager()) and playVoice/',
  '// pauseVoice/stopVoice (over one InnerAudioContext) with their exact old semantics, for',
  '// the call sites the codemod could not rewrite faithfully. Delete this file once no file',
  '// imports it: move those sites to the new APIs by hand (the codemod report lists them),',
  '// then run the codemod again to check.',
  '',
].join('\n');
const files = path.join(root, 'dist', 'shim-files');
fs.mkdirSync(files, { recursive: true });
fs.writeFileSync(path.join(files, 'startrecord-shim.cjs.js'), header + cjs);
fs.writeFileSync(path.join(files, 'startrecord-shim.esm.js'), header + esm);
fs.writeFileSync(path.join(files, 'startrecord-shim.d.ts'), header + types);
