#!/usr/bin/env node
'use strict';
// `node scripts/corpus-update-expected.js`: writes test/corpus/expected/<file> with what the
// built migration (dist/) makes of each corpus file that it changes, and removes the ones
// it leaves alone. test/corpus.test.ts then holds the tool to those outputs exactly: run
// this after a deliberate change, and read `git diff test/corpus/expected` like a review.
const fs = require('fs');
const path = require('path');
const { migrateSource } = require('../dist/src/index.js');
const { corpusOptions } = require('../test/corpus/options.js');

const corpus = path.join(__dirname, '..', 'test', 'corpus');
const expected = path.join(corpus, 'expected');
fs.mkdirSync(expected, { recursive: true });
for (const file of fs.readdirSync(corpus).sort()) {
  const full = path.join(corpus, file);
  if (!fs.statSync(full).isFile() || !/\.(js|jsx|ts|tsx|vue|wpy)$/.test(file) || file === 'options.js') continue;
  const source = fs.readFileSync(full, 'utf8');
  const result = migrateSource(source, path.join('test', 'corpus', file), corpusOptions(file, source));
  const target = path.join(expected, file);
  if (result.output === source) fs.rmSync(target, { force: true });
  else fs.writeFileSync(target, result.output);
}
