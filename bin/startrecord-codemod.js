#!/usr/bin/env node
'use strict';
// Thin launcher: everything lives in src/cli/main.ts, bundled with all it uses into one
// file, dist/bundle/startrecord-codemod.js, by `npm run build` (which `npm install` runs
// through `prepare` in a clone; the published package ships it built).
const fs = require('fs');
const path = require('path');

const entry = path.join(__dirname, '..', 'dist', 'bundle', 'startrecord-codemod.js');
const loader = path.join(path.dirname(entry), 'load-bundle.js');
const missing = [entry, loader].find((file) => !fs.existsSync(file));
if (missing) {
  process.stderr.write(
    `startrecord-codemod: ${path.relative(process.cwd(), missing) || missing} is missing.\n` +
      `Build it first: run \`npm run build\` in ${path.resolve(__dirname, '..')}\n`,
  );
  process.exit(1);
}

// `startrecord-codemod --dry . | head` closes our stdout early. Stop printing, but finish
// the run: stopping half-way through a real run would leave it half migrated.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// The bundle's loader keeps V8's compiled code between runs (see src/load-bundle.ts).
const loaded = require(loader).loadBundle(entry);

loaded.exports
  .main(process.argv.slice(2))
  .then(
    (code) => {
      // For the next run: what this one compiled (the migration too if it ran here).
      loaded.saveCodeCache(loaded.exports.ranMigrationInThisThread() ? 'full' : 'scan');
      // exitCode rather than process.exit(): exiting at once can cut off output still
      // being written to a pipe (`--json > report.json`, `| less`).
      process.exitCode = code;
    },
    (error) => {
      // The engine turns file problems into report entries; reaching this is a bug.
      process.stderr.write(`startrecord-codemod: internal error: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
