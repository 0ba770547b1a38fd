'use strict';
// Preloaded with NODE_OPTIONS=--require by bench/run.js when GNU time is not installed:
// each Node process writes its peak resident set size (KiB) to BENCH_RSS_DIR at exit.
const fs = require('fs');
const path = require('path');

const dir = process.env.BENCH_RSS_DIR;
if (dir) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(path.join(dir, String(process.pid)), String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change the outcome of what is measured.
    }
  });
}
