#!/usr/bin/env node
// Lays out the compiled shim for its three kinds of consumers:
// - bundlers (Taro's webpack/vite): `exports["./shim"].import` -> dist/shim/esm/index.mjs,
//   an ES module they can tree-shake (`.mjs` so that Node also reads it as one);
// - Node and CommonJS bundles: dist/shim/cjs/index.js;
// - WeChat DevTools' "build npm": the folder named by package.json's `miniprogram` field is
//   copied as is, so `require('startrecord-codemod/shim')` finds dist/miniprogram/shim/index.js
//   there, with nothing else of this package (the CLI's dependencies stay out).
const fs = require('fs');
const path = require('path');

const dist = path.join(__dirname, '..', 'dist');
const esm = path.join(dist, 'shim', 'esm');
fs.renameSync(path.join(esm, 'index.js'), path.join(esm, 'index.mjs'));
const miniprogram = path.join(dist, 'miniprogram', 'shim');
fs.mkdirSync(miniprogram, { recursive: true });
fs.copyFileSync(path.join(dist, 'shim', 'cjs', 'index.js'), path.join(miniprogram, 'index.js'));
fs.copyFileSync(path.join(dist, 'shim', 'cjs', 'index.d.ts'), path.join(miniprogram, 'index.d.ts'));
