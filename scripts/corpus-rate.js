#!/usr/bin/env node
'use strict';
// `node scripts/corpus-rate.js [--json] [--no-shim] [--notes] [--only <substring>]`
//
// Runs the built migration (dist/, from `npm run build`) over every file of the realistic
// corpus in test/corpus/ and compares what it did at each startRecord/stopRecord site with
// test/corpus/expectations.json (written from SPEC.md; see test/corpus/EXPECTATIONS.md).
//
// Per file it prints the sites expected convert/shim/leave and what the tool did
// (converted/shimmed/skipped/not reported); then the totals, the conversion rate
//   converted / (expected convert + expected shim)
// over the mini-program sites of the files that record, and every disagreement with the
// tool's reason, grouped by kind. It also runs the per-file output checks of the
// expectations (idle-stop filtering, manager reuse and placement, comments kept, ...),
// checks that line endings survive, that files with nothing to migrate stay unchanged,
// lists the converted files a human must read (checks of kind 'review'), and lists playback sites (playVoice/pauseVoice/stopVoice) left on the old API in files
// whose recording moved to the new one (SPEC §8).
//
// Exit code: 0 always (this is a measurement, not a gate), 2 when the build is missing.

const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const CORPUS = path.join(ROOT, 'test', 'corpus');
const DIST = path.join(ROOT, 'dist', 'src', 'index.js');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const asJson = flag('--json');
const showNotes = flag('--notes');
const only = option('--only');
const migrateOptions = flag('--no-shim') ? { shim: false } : {};

if (!fs.existsSync(DIST)) {
  console.error(`No build at ${path.relative(ROOT, DIST)}: run \`npm run build\` first.`);
  process.exit(2);
}
const { migrateSource } = require(DIST);

const expectations = JSON.parse(fs.readFileSync(path.join(CORPUS, 'expectations.json'), 'utf8'));
const corpusFiles = fs
  .readdirSync(CORPUS)
  .filter((f) => f !== 'expectations.json' && f !== 'EXPECTATIONS.md' && fs.statSync(path.join(CORPUS, f)).isFile());
const described = new Set(expectations.map((e) => e.file));
const undescribed = corpusFiles.filter((f) => !described.has(f));

const ACTION_OF = { convert: 'converted', shim: 'shimmed', leave: 'skipped' };

/** Tool reason with the file-specific parts taken out, so equal causes group together. */
function reasonKind(reason) {
  if (!reason) return '';
  return reason
    .replace(/\bthe (?:startRecord|stopRecord) at line \d+/g, 'the other site at line N')
    .replace(/\bat line \d+/g, 'at line N')
    .replace(/\(([^()]*) found at line \d+\)/g, '($1 found)')
    .replace(/\b(?:wx|qq|swan|Taro|tt|uni|my)\.(startRecord|stopRecord)\b/g, 'HOST.$1')
    .replace(/recorderManager\d*\.(onStop|onError)/g, 'recorderManager.$1')
    .replace(/'[^']*'/g, "'…'");
}

function checkApplies(check, sites) {
  const converted = (api) => sites.some((s) => s.action === 'converted' && (!api || s.api === api));
  switch (check.when || 'always') {
    case 'always':
      return true;
    case 'any-converted':
      return converted();
    case 'start-converted':
      return converted('startRecord');
    default:
      return true;
  }
}

function runCheck(check, output) {
  const re = new RegExp(check.pattern, (check.flags || '') + (check.kind === 'count' ? 'g' : ''));
  if (check.kind === 'mustMatch') return re.test(output) ? null : `output lacks /${check.pattern}/`;
  if (check.kind === 'mustNotMatch') {
    const m = re.exec(output);
    return m ? `output has /${check.pattern}/ (${JSON.stringify(m[0])})` : null;
  }
  if (check.kind === 'count') {
    const n = (output.match(re) || []).length;
    return n === check.equals ? null : `output has ${n} × /${check.pattern}/, expected ${check.equals}`;
  }
  return `unknown check kind ${check.kind}`;
}

const files = [];
const disagreements = [];
/** Converted outputs that no pattern can judge: listed for a human to read. */
const reviews = [];
const totals = { convert: 0, shim: 0, leave: 0, converted: 0, shimmed: 0, skipped: 0, unreported: 0, rateBase: 0, rateConverted: 0, extra: 0 };

for (const exp of expectations) {
  if (only && !exp.file.includes(only)) continue;
  const filePath = path.join(CORPUS, exp.file);
  const source = fs.readFileSync(filePath, 'utf8');
  const row = { file: exp.file, kind: exp.kind, expected: { convert: 0, shim: 0, leave: 0 }, actual: { converted: 0, shimmed: 0, skipped: 0, unreported: 0 }, problems: [], error: null };
  files.push(row);

  let result;
  try {
    result = migrateSource(source, filePath, migrateOptions);
  } catch (error) {
    row.error = String(error && error.message ? error.message : error);
    for (const s of exp.hostSites) {
      row.expected[s.expected]++;
      totals[s.expected]++;
      if (s.expected !== 'leave') totals.rateBase++;
      disagreements.push({ file: exp.file, line: s.line, api: s.api, expected: s.expected, actual: 'error', reason: row.error, why: s.why, kind: `expected ${s.expected}, the file failed: ${reasonKind(row.error)}` });
    }
    continue;
  }

  // Match reported sites to expected ones by (line, api); several sites on one line pair up in order.
  const reported = result.sites.map((s) => ({ ...s, matched: false }));
  const recordsHere = exp.hostSites.some((s) => s.expected !== 'leave');
  for (const s of exp.hostSites) {
    row.expected[s.expected]++;
    totals[s.expected]++;
    const got = reported.find((r) => !r.matched && r.line === s.line && r.api === s.api);
    if (got) got.matched = true;
    const action = got ? got.action : 'unreported';
    row.actual[action]++;
    totals[action]++;
    if (s.expected !== 'leave' && recordsHere) {
      totals.rateBase++;
      if (action === 'converted') totals.rateConverted++;
    }
    const agrees = ACTION_OF[s.expected] === action || (s.expected === 'leave' && action === 'unreported');
    if (!agrees) {
      disagreements.push({
        file: exp.file, line: s.line, api: s.api, expected: s.expected, actual: action,
        reason: got ? got.reason || '(converted)' : '(the tool reported no site here)',
        why: s.why,
        kind: `expected ${s.expected}, ${action}` + (got && got.reason ? `: ${reasonKind(got.reason)}` : ''),
      });
    }
    if (showNotes && got && got.notes.length) row.problems.push(`notes at ${s.line} (${s.api}): ${got.notes.join(' | ')}`);
  }
  // Playback sites (SPEC §8): matched against their own expectations, outside the rate.
  for (const p of exp.playbackSites || []) {
    const got = reported.find((r) => !r.matched && r.line === p.line && r.api === p.api);
    if (got) got.matched = true;
    const action = got ? got.action : 'unreported';
    const agrees = ACTION_OF[p.expected] === action || (p.expected === 'leave' && action === 'ignored');
    if (!agrees) {
      disagreements.push({ file: exp.file, line: p.line, api: p.api, expected: p.expected, actual: action, reason: got ? got.reason || '(converted)' : '(the tool reported no site here)', why: p.why, kind: `playback: expected ${p.expected}, ${action}` });
      row.problems.push(`playback ${p.api} at ${p.line}: expected ${p.expected}, ${action}`);
    }
  }
  for (const r of reported.filter((r) => !r.matched)) {
    totals.extra++;
    disagreements.push({ file: exp.file, line: r.line, api: r.api, expected: '(none)', actual: r.action, reason: r.reason || '(converted)', why: 'no site is expected on this line', kind: `unexpected site, ${r.action}` });
  }

  const output = result.output;
  const fileProblem = (kind, text) => {
    row.problems.push(text);
    disagreements.push({ file: exp.file, line: 0, api: '', expected: '', actual: 'output', reason: text, why: '', kind });
  };
  // Files with nothing to migrate must come out byte-identical.
  if (!recordsHere && result.changed) fileProblem('a file with nothing to migrate was changed', 'file changed although every site is expected to be left alone');
  // Line endings survive.
  if (source.includes('\r\n') && /(^|[^\r])\n/.test(output)) fileProblem('CRLF file got LF-only lines', 'CRLF file: the output has lines ending in a bare \\n');
  // Output checks from the expectations.
  for (const check of exp.outputChecks || []) {
    if (!checkApplies(check, result.sites)) continue;
    if (check.kind === 'review') {
      reviews.push({ file: exp.file, why: check.why });
      continue;
    }
    const failure = runCheck(check, output);
    if (failure) fileProblem(`output: ${check.category || check.why}`, `${failure}: ${check.why}`);
  }
  // Playback left on the old API while the recording moved to aac (SPEC §8).
  const recordingMoved = result.sites.some((s) => s.api === 'startRecord' && (s.action === 'converted' || s.action === 'shimmed'));
  if (recordingMoved && (exp.playbackSites || []).length) {
    const outLines = output.split(/\r?\n/);
    // `wx.playVoice(` still in the output (a shimmed call reads `playVoice(` without a host).
    const left = exp.playbackSites.filter((p) => outLines.some((l) => new RegExp(`\\.${p.api}\\(`).test(l)));
    const mentioned = result.sites.some((s) => s.notes.some((n) => /playVoice|InnerAudioContext/i.test(n)));
    if (left.length) {
      fileProblem(
        mentioned ? 'playback left on playVoice (reported)' : 'playback left on playVoice, not reported',
        `recording moved to aac but ${left.map((p) => `${p.api} (line ${p.line})`).join(', ')} stay on the old playback API${mentioned ? ' (a note mentions it)' : ' and no note says so'} (SPEC §8)`,
      );
    }
  }
}

// ------------------------------------------------------------------------------ output
const rate = totals.rateBase ? totals.rateConverted / totals.rateBase : 0;
const groups = new Map();
for (const d of disagreements) {
  const g = groups.get(d.kind) || { kind: d.kind, count: 0, examples: [] };
  g.count++;
  g.examples.push(`${d.file}${d.line ? ':' + d.line : ''}`);
  groups.set(d.kind, g);
}
const kinds = [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));

if (asJson) {
  console.log(JSON.stringify({ totals, rate, files, disagreements, kinds, reviews, undescribed }, null, 2));
  process.exit(0);
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`Corpus: ${files.length} files from test/corpus/ (expectations: test/corpus/EXPECTATIONS.md)${flag('--no-shim') ? ', run with shim: false' : ''}\n`);
console.log(`${pad('file', 44)} ${pad('kind', 13)} exp C/S/L   conv shim skip unrep  problems`);
for (const r of files) {
  const e = `${r.expected.convert}/${r.expected.shim}/${r.expected.leave}`;
  const a = r.actual;
  const flags = r.error ? `ERROR: ${r.error}` : r.problems.filter((p) => !p.startsWith('notes at')).length ? `${r.problems.filter((p) => !p.startsWith('notes at')).length} output issue(s)` : '';
  const dis = disagreements.filter((d) => d.file === r.file && d.actual !== 'output').length;
  console.log(`${pad(r.file, 44)} ${pad(r.kind, 13)} ${pad(e, 10)} ${lpad(a.converted, 5)} ${lpad(a.shimmed, 4)} ${lpad(a.skipped, 4)} ${lpad(a.unreported, 5)}  ${dis ? dis + ' site(s) differ' : ''}${dis && flags ? '; ' : ''}${flags}`);
  if (showNotes) for (const p of r.problems) console.log(`    ${p}`);
}
console.log('');
console.log(`Sites expected: convert ${totals.convert}, shim ${totals.shim}, leave ${totals.leave} (${totals.convert + totals.shim + totals.leave} in all)`);
console.log(`Tool, on those sites: converted ${totals.converted}, shimmed ${totals.shimmed}, skipped ${totals.skipped}, not reported ${totals.unreported}; sites reported but not expected: ${totals.extra}`);
console.log(`Conversion rate (converted / (expected convert + expected shim), mini-program sites of files that record): ${totals.rateConverted}/${totals.rateBase} = ${(rate * 100).toFixed(1)}%`);
const siteDisagreements = disagreements.filter((d) => d.actual !== 'output');
const outputIssues = disagreements.filter((d) => d.actual === 'output');
console.log(`Disagreements: ${siteDisagreements.length} site(s), ${outputIssues.length} output issue(s)`);
if (undescribed.length) console.log(`Corpus files without expectations (not measured): ${undescribed.join(', ')}`);

console.log('\nDisagreements by kind (most frequent first):');
kinds.forEach((k, i) => {
  const more = k.examples.length > 3 ? `, … (${k.examples.length - 3} more)` : '';
  console.log(`${lpad(i + 1, 3)}. [${k.count}] ${k.kind}\n       e.g. ${k.examples.slice(0, 3).join(', ')}${more}`);
});

console.log('\nEvery site disagreement (expected -> tool: tool reason | why expected):');
for (const d of siteDisagreements) {
  console.log(`  ${d.file}:${d.line} ${d.api}  expected ${d.expected} -> ${d.actual}: ${d.reason}\n      why: ${d.why}`);
}
if (outputIssues.length) {
  console.log('\nOutput issues:');
  for (const d of outputIssues) console.log(`  ${d.file}: ${d.reason}`);
}
if (reviews.length) {
  console.log('\nConverted files to read by hand (no pattern can judge them):');
  for (const r of reviews) console.log(`  ${r.file}: ${r.why}`);
}
