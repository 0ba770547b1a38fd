#!/usr/bin/env node
'use strict';
// In-process cost of the migration alone (no I/O, no workers): reads every file of a
// folder once, then migrates them all, several rounds, and prints the median ms per file.
// With two builds, compares them side by side, interleaved round by round so that both
// see the same machine load: `node bench/migrate-only.js <folder> [distA] [distB]`.
const fs = require('fs');
const path = require('path');

const [folder, ...dists] = process.argv.slice(2);
if (!folder) {
  console.error('usage: node bench/migrate-only.js <folder> [dist folder...]  (default: this repo\'s dist)');
  process.exit(2);
}
const builds = (dists.length ? dists : [path.join(__dirname, '..', 'dist')]).map((d) => ({ dir: d, migrate: require(path.resolve(d, 'bundle', 'startrecord-codemod.js')).migrateSource, times: [] }));

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (/\.(js|jsx|ts|tsx)$/.test(entry.name)) files.push({ path: p, text: fs.readFileSync(p, 'utf8') });
  }
})(folder);

const ROUNDS = 7;
for (let round = 0; round < ROUNDS; round++) {
  for (const b of builds) {
    const t0 = process.hrtime.bigint();
    for (const f of files) {
      try {
        b.migrate(f.text, f.path, {});
      } catch {
        // A file that does not parse costs what it costs.
      }
    }
    if (round > 0) b.times.push(Number(process.hrtime.bigint() - t0) / 1e6 / files.length);
  }
}
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const b of builds) console.log(`${median(b.times).toFixed(3)} ms/file  ${b.dir}  (${files.length} files, median of ${ROUNDS - 1} warm rounds)`);
if (builds.length === 2) console.log(`ratio: ${(median(builds[0].times) / median(builds[1].times)).toFixed(2)}x`);
