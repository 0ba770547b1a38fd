#!/usr/bin/env node
// Prints the shim's size as a mini program or a bundle ships it: minified with terser,
// then gzipped. Exits 1 over the budget (2.25 KB), so `npm run shim:size` can gate a release.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { minify } = require('terser');

// Recording (about 1.5 KB) and playback (about 0.6 KB): one file, since an app copies one file.
const BUDGET = 2304;

async function measure(file) {
  const code = fs.readFileSync(file, 'utf8');
  const { code: min } = await minify(code, { ecma: 5, compress: { passes: 2 }, mangle: true, module: false });
  return { raw: code.length, min: min.length, gzip: zlib.gzipSync(min, { level: 9 }).length };
}

async function main() {
  const file = path.join(__dirname, '..', 'shim', 'dist', 'index.js');
  if (!fs.existsSync(file)) {
    console.error(`${file} is missing: run npm run build first`);
    process.exit(1);
  }
  const size = await measure(file);
  console.log(`shim: ${size.raw} B source, ${size.min} B minified, ${size.gzip} B minified+gzip (budget ${BUDGET} B)`);
  if (size.gzip > BUDGET) process.exit(1);
}

module.exports = { measure, BUDGET };
if (require.main === module) main();
