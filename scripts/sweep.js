#!/usr/bin/env node
'use strict';
// `npm run sweep [-- folder...]`: the robustness sweep. Runs the CLI (compiled, dry run,
// JSON report) over every JS/TS file below the given folders, by default this project's
// installed node_modules: thousands of real files nobody wrote for us (bundles, generated
// parsers, type declarations, odd encodings). It passes when
//   - the run ends normally and reports every file (no crash),
//   - no file is reported changed unless it holds startRecord/stopRecord as a name,
//   - every error is one of the explained kinds (syntax error, too large, binary, ...).
// Prints the figures and exits 1 otherwise.
//
// Every file is named explicitly, so the walk's skip list (node_modules, dist, *.min.js,
// .d.ts, .gitignore) does not apply: the point is to feed the tool everything.

const { diffLines } = require('diff');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const MAIN = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
const EXTENSIONS = new Set(['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.wpy']);

/** Error kinds the tool explains to the user; anything else is a finding. */
const EXPLAINED = [
  ['syntax error', /^syntax error: /],
  ['too large', /^the file is too large to migrate safely/],
  ['binary', /^the file is binary/],
  ['UTF-16', /^the file is UTF-16 text/],
  ['not UTF-8', /^the file is not valid UTF-8/],
  ['read-only', /^the file is read-only/],
  ['unreadable', /^could not read the file: /],
  ['not a regular file', /^not a regular file/],
  ['migration stopped (timeout)', /^the migration took more than/],
];

function collect(folder, files) {
  let entries;
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) collect(full, files);
    else if (entry.isFile() && EXTENSIONS.has(path.extname(entry.name))) files.push(full);
  }
}

const WORD = /(^|[^\w$])(startRecord|stopRecord)(?![\w$])/;
const INJECTED = '\n;wx.stopRecord()\n';

/** Runs the CLI in-process (tens of thousands of paths would not fit on a command line). */
async function runCli(files) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (c) => (stdout += c) }, stderr: { write: (c) => (stderr += c) }, cwd: process.cwd() };
  const started = Date.now();
  let code;
  try {
    code = await require(MAIN).main(['--dry', '--json', '--no-progress', ...files], io);
  } catch (error) {
    console.log(`FAIL: the CLI crashed: ${error && error.stack ? error.stack : error}`);
    process.exit(1);
  }
  return { code, stderr, seconds: (Date.now() - started) / 1000, report: JSON.parse(stdout) };
}

/** Findings about errors, and the count per kind. */
function checkErrors(report, findings) {
  const kinds = new Map();
  for (const file of report.files.filter((f) => f.status === 'error')) {
    const kind = EXPLAINED.find(([, pattern]) => pattern.test(file.error));
    if (!kind) findings.push(`unexplained error: ${file.path}: ${file.error}`);
    const name = kind ? kind[0] : 'unexplained';
    const entry = kinds.get(name) || { count: 0, example: file };
    entry.count++;
    kinds.set(name, entry);
  }
  return kinds;
}

function printFigures(label, files, run, kinds) {
  const s = run.report.summary;
  console.log(`\n${label}: ${files.toLocaleString('en-US')} files, ${run.seconds.toFixed(1)} s (${Math.round(files / run.seconds).toLocaleString('en-US')} files/s), exit code ${run.code}`);
  console.log(`  files: ${s.changed} would change, ${s.unchanged} unchanged, ${s.errors} errors`);
  console.log(`  sites: ${s.converted} converted, ${s.shimmed} shimmed, ${s.skipped} skipped`);
  for (const [name, { count, example }] of [...kinds].sort((a, b) => b[1].count - a[1].count)) {
    console.log(`  errors, ${name}: ${count} (e.g. ${example.path}: ${example.error.slice(0, 160)})`);
  }
  const reasons = new Map();
  for (const file of run.report.files) for (const site of file.sites) if (site.action === 'skipped') reasons.set(site.reason, (reasons.get(site.reason) || 0) + 1);
  for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  skipped: ${count} x ${reason.slice(0, 160)}`);
  if (run.stderr.trim()) console.log(`  stderr: ${run.stderr.trim().split('\n').slice(0, 5).join('\n          ')}`);
}

async function passAsTheyAre(files, findings) {
  const run = await runCli(files);
  if (run.report.files.length !== files.length) findings.push(`pass 1 reported ${run.report.files.length} files of ${files.length}`);
  const changed = run.report.files.filter((f) => f.status === 'changed');
  for (const file of changed) {
    const text = fs.readFileSync(path.resolve(process.cwd(), file.path), 'utf8');
    if (!WORD.test(text)) findings.push(`changed without a legacy call: ${file.path}`);
  }
  printFigures('Pass 1, files as they are', files.length, run, checkErrors(run.report, findings));
  for (const file of changed) console.log(`  would change: ${file.path} (${file.sites.map((site) => `${site.api} ${site.line}:${site.column}`).join('; ')})`);
}

async function passWithInjectedCall(files, findings) {
  const scripts = files.filter((file) => !/\.(vue|wpy)$/.test(file) && !/\.d\.[cm]?ts$/.test(file));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'startrecord-sweep-'));
  try {
    const copies = scripts.map((file, index) => {
      // One folder per file keeps the original name (the parser follows the extension).
      const copy = path.join(work, String(index), path.basename(file));
      fs.mkdirSync(path.dirname(copy));
      fs.writeFileSync(copy, Buffer.concat([fs.readFileSync(file), Buffer.from(INJECTED)]));
      return copy;
    });
    const run = await runCli(copies);
    if (run.report.files.length !== copies.length) findings.push(`pass 2 reported ${run.report.files.length} files of ${copies.length}`);
    let checked = 0;
    for (const file of run.report.files.filter((f) => f.status === 'changed')) {
      const full = path.resolve(process.cwd(), file.path);
      const before = fs.readFileSync(full, 'utf8');
      const after = require(MAIN.replace(/cli[\\/]main\.js$/, 'migrate/index.js')).migrateSource(before, full, {}).output;
      for (const part of diffLines(before, after)) {
        if (part.removed && !WORD.test(part.value)) findings.push(`pass 2: ${file.path}: removed lines without the API: ${JSON.stringify(part.value.slice(0, 120))}`);
        if (part.added && !/recordermanager/i.test(part.value)) findings.push(`pass 2: ${file.path}: added lines without the manager: ${JSON.stringify(part.value.slice(0, 120))}`);
      }
      checked++;
    }
    printFigures('Pass 2, every script with wx.stopRecord() appended', copies.length, run, checkErrors(run.report, findings));
    console.log(`  diffs checked: ${checked}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main() {
  if (!fs.existsSync(MAIN)) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(1);
  }
  const args = process.argv.slice(2);
  const inject = !args.includes('--no-inject');
  const folders = args.filter((arg) => arg !== '--no-inject');
  const roots = folders.length > 0 ? folders : [path.join(ROOT, 'node_modules')];
  const files = [];
  for (const root of roots) collect(path.resolve(root), files);
  console.log(`sweep: ${files.length.toLocaleString('en-US')} files below ${roots.join(', ')}`);

  const findings = [];
  await passAsTheyAre(files, findings);
  if (inject) await passWithInjectedCall(files, findings);

  if (findings.length > 0) {
    console.log(`\nFAIL: ${findings.length} finding(s):`);
    for (const finding of findings.slice(0, 50)) console.log(`  ${finding}`);
    process.exit(1);
  }
  console.log('\nPASS: no crash, nothing changed without a legacy call, every error explained.');
}

main();
