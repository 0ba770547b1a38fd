#!/usr/bin/env node
'use strict';
// `npm run bench`: builds two generated trees and times, side by side on each,
//   - grep -rl startRecord              the floor: reading every file once, nothing more
//   - our CLI, --dry --json             read once, text test, migrate candidates in workers
//   - jscodeshift's CLI, --dry          the same transform (dist/transforms/...) in its runner
//   - our CLI with -j 0                 the same, in the main thread only
//   - our CLI with -j N                 the same with the pool forced on (N: one per core but
//                                       one, at least 1), which the default leaves off on 2 cores
// and prints files/s, the ratios, peak RSS and the speed targets (ratios, side by side).
//
//   node bench/run.js [--files 20000] [--legacy 0.01] [--all-legacy-files 1000] [--runs 3] [--keep]
//
// Three trees: (1) `--files` files, `--legacy` of them legacy; (2) `--all-legacy-files`
// files, all legacy; (3) like (1) with larger files (about 7 KB on average, 140 MB for
// 20,000), the shape of the independent tree the speed targets were first measured on.
//
// Peak RSS comes from GNU time (`/usr/bin/time -f %M`) when it is there, else from a
// preloaded module that records each Node process's maxRSS at exit (grep then shows n/a).
// For a multi-process tool (jscodeshift forks workers) it is the largest single process,
// as getrusage reports it; our CLI is one process (worker threads), so its figure is all of it.

const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { parseArgs } = require('util');
const { generateTree } = require('./generate-tree');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'bin', 'startrecord-codemod.js');
/** The pool as the CLI sizes it on more than 2 cores (one worker per core but one), at least one worker. */
const POOL_JOBS = Math.max(1, (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) - 1);
const TRANSFORM = path.join(ROOT, 'dist', 'transforms', 'startrecord-to-recorder-manager.js');
const JSCODESHIFT = path.join(ROOT, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((file) => fs.existsSync(file) && spawnSync(file, ['-f', '%M', 'true']).status === 0);
const RSS_PRELOAD = path.join(__dirname, 'record-max-rss.js');
/** Tree 3's files: methods per file scaled so that the average file is about 7 KB. */
const LARGE_METHOD_SCALE = 1.6;

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '20000' },
    legacy: { type: 'string', default: '0.01' },
    'all-legacy-files': { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'jscodeshift-runs': { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

/** Runs a command; resolves with wall time, peak RSS (MB or null) and its output. */
function measure(command, commandArgs, env = {}) {
  const rssDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-rss-'));
  let file = command;
  let argv = commandArgs;
  if (GNU_TIME) {
    argv = ['-f', '__MAXRSS__%M', command, ...commandArgs];
    file = GNU_TIME;
  } else {
    env = { ...env, NODE_OPTIONS: `--require ${RSS_PRELOAD}`, BENCH_RSS_DIR: rssDir };
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let rssMb = null;
      const marker = stderr.match(/__MAXRSS__(\d+)/);
      if (marker) {
        rssMb = Number(marker[1]) / 1024;
        stderr = stderr.replace(/__MAXRSS__\d+\n?/, '');
      } else {
        const recorded = fs.readdirSync(rssDir).map((name) => Number(fs.readFileSync(path.join(rssDir, name), 'utf8')));
        if (recorded.length > 0) rssMb = Math.max(...recorded) / 1024;
      }
      fs.rmSync(rssDir, { recursive: true, force: true });
      resolve({ code, seconds, rssMb, stdout, stderr });
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function repeat(times, run) {
  const results = [];
  for (let i = 0; i < times; i++) results.push(await run());
  const seconds = median(results.map((r) => r.seconds));
  const rss = results.map((r) => r.rssMb).filter((v) => v !== null);
  return { ...results[results.length - 1], seconds, rssMb: rss.length > 0 ? Math.max(...rss) : null };
}

async function benchTree(label, tree, fileCount, runs, jscodeshiftRuns) {
  // Warm the page cache so that no tool pays for the disk on its first read, and let our
  // CLI save its code cache (src/load-bundle.ts) as any second run of it would find it.
  spawnSync('grep', ['-rl', 'startRecord', tree], { stdio: 'ignore' });
  spawnSync(process.execPath, [CLI, '--dry', '--json', '--no-progress', tree], { cwd: ROOT, stdio: 'ignore' });

  const grep = await repeat(runs, () => measure('grep', ['-rl', 'startRecord', tree]));
  const ours = await repeat(runs, () => measure(process.execPath, [CLI, '--dry', '--json', '--no-progress', tree]));
  const oursMain = await repeat(runs, () => measure(process.execPath, [CLI, '--dry', '--json', '--no-progress', '-j', '0', tree]));
  const oursPool = await repeat(runs, () => measure(process.execPath, [CLI, '--dry', '--json', '--no-progress', '-j', String(POOL_JOBS), tree]));
  const jsc = await repeat(jscodeshiftRuns, () =>
    measure(process.execPath, [JSCODESHIFT, '--dry', '--extensions=js,jsx,ts,tsx', '-t', TRANSFORM, tree]),
  );

  // The three must agree on what they found, or the timing says nothing.
  const grepHits = grep.stdout.split('\n').filter(Boolean).length;
  const report = JSON.parse(ours.stdout);
  const jscOk = Number((jsc.stdout.match(/(\d+) ok/) || [])[1]);
  const jscErrors = Number((jsc.stdout.match(/(\d+) errors/) || [])[1]);

  const rows = [
    ['grep -rl (floor)', grep],
    ['startrecord-codemod --dry --json', ours],
    ['  the same with -j 0 (main thread)', oursMain],
    [`  the same with -j ${POOL_JOBS} (the pool)`, oursPool],
    ['jscodeshift --dry (same transform)', jsc],
  ];
  console.log(`\n${label}: ${fileCount.toLocaleString('en-US')} files in ${tree}`);
  console.log(`  grep found ${grepHits} files with startRecord; we would change ${report.summary.changed} (${report.summary.errors} errors); jscodeshift: ${jscOk} ok, ${jscErrors} errors`);
  console.log(`  ${'tool'.padEnd(38)}${'seconds'.padStart(9)}${'files/s'.padStart(10)}${'peak RSS'.padStart(11)}`);
  for (const [name, r] of rows) {
    const rss = r.rssMb === null ? 'n/a' : `${Math.round(r.rssMb)} MB`;
    console.log(`  ${name.padEnd(38)}${r.seconds.toFixed(2).padStart(9)}${Math.round(fileCount / r.seconds).toLocaleString('en-US').padStart(10)}${rss.padStart(11)}`);
  }
  const vsJscodeshift = jsc.seconds / ours.seconds;
  const vsGrep = ours.seconds / grep.seconds;
  const poolGain = oursMain.seconds / oursPool.seconds;
  console.log(`  ours is ${vsJscodeshift.toFixed(1)}x jscodeshift's throughput, takes ${vsGrep.toFixed(1)}x grep's time; -j ${POOL_JOBS} is ${poolGain.toFixed(2)}x -j 0`);
  if (ours.code !== 0 || jsc.code !== 0) console.log(`  WARNING: exit codes: ours ${ours.code}, jscodeshift ${jsc.code}\n${ours.stderr}${jsc.stderr}`);
  return { grep, ours, jsc, vsJscodeshift, vsGrep, poolGain };
}

function check(label, ok, detail) {
  console.log(`  ${ok ? 'PASS' : 'MISS'}  ${label}: ${detail}`);
  return ok;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'src', 'cli', 'main.js')) || !fs.existsSync(TRANSFORM)) {
    console.error('dist/ is missing: run `npm run build` first.');
    process.exit(1);
  }
  const files = Number(args.files);
  const share = Number(args.legacy);
  const legacyFiles = Number(args['all-legacy-files']);
  const runs = Number(args.runs);
  const jscodeshiftRuns = Number(args['jscodeshift-runs']);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'startrecord-bench-'));

  const cpu = os.cpus();
  console.log(`machine: ${cpu.length} x ${cpu[0] ? cpu[0].model : 'unknown cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  console.log(`median of ${runs} runs for grep and our CLI, ${jscodeshiftRuns} for jscodeshift (default --cpus: ${Math.max(cpu.length - 1, 1)} worker)`);

  try {
    const mixedTree = path.join(work, 'mixed');
    const mixed = generateTree({ files, legacy: share, out: mixedTree, seed: 1 });
    console.log(`generated ${files} files (${(mixed.bytes / 2 ** 20).toFixed(0)} MiB, ${mixed.legacyFiles} with legacy calls)`);
    const a = await benchTree(`Tree 1, ${share * 100}% legacy`, mixedTree, files, runs, jscodeshiftRuns);

    const legacyTree = path.join(work, 'all-legacy');
    const allLegacy = generateTree({ files: legacyFiles, legacy: 1, out: legacyTree, seed: 2 });
    console.log(`\ngenerated ${legacyFiles} files (${(allLegacy.bytes / 2 ** 20).toFixed(0)} MiB, all with legacy calls)`);
    const b = await benchTree('Tree 2, all legacy', legacyTree, legacyFiles, runs, jscodeshiftRuns);

    const largeTree = path.join(work, 'large-files');
    const large = generateTree({ files, legacy: share, out: largeTree, seed: 3, methodScale: LARGE_METHOD_SCALE });
    console.log(
      `\ngenerated ${files} larger files (${(large.bytes / 2 ** 20).toFixed(0)} MiB, ${(large.bytes / files / 1024).toFixed(1)} KB on average, ${large.legacyFiles} with legacy calls)`,
    );
    const c = await benchTree(`Tree 3, larger files, ${share * 100}% legacy`, largeTree, files, runs, jscodeshiftRuns);

    console.log('\nRatios side by side (this run):');
    console.log(`  ${'tree'.padEnd(34)}${'vs jscodeshift'.padStart(16)}${'vs grep'.padStart(10)}${'pool vs -j 0'.padStart(14)}${'peak RSS'.padStart(10)}`);
    for (const [name, r, vsGrep] of [
      [`1: ${files} files, ${share * 100}% legacy`, a, true],
      // Every file is a candidate: grep's floor says nothing about a tree that is all work.
      [`2: ${legacyFiles} files, all legacy`, b, false],
      [`3: ${files} larger files, ${share * 100}% legacy`, c, true],
    ]) {
      const rss = r.ours.rssMb === null ? 'n/a' : `${Math.round(r.ours.rssMb)} MB`;
      const grepRatio = vsGrep ? `${r.vsGrep.toFixed(1)}x` : '-';
      console.log(`  ${name.padEnd(34)}${`${r.vsJscodeshift.toFixed(1)}x`.padStart(16)}${grepRatio.padStart(10)}${`${r.poolGain.toFixed(2)}x`.padStart(14)}${rss.padStart(10)}`);
    }
    console.log(`  (pool vs -j 0: -j ${POOL_JOBS} against -j 0. The pool starts only for 500 candidates or more, so on trees 1 and 3`);
    console.log(`  both runs use the main thread alone; on 2 cores or fewer the default is -j 0, the pool off)`);

    console.log('\nTargets (ratios in this one run):');
    for (const [tree, r] of [['tree 1', a], ['tree 3', c]]) {
      check(`${tree}, ${share * 100}% legacy: >= 8x jscodeshift`, r.vsJscodeshift >= 8, `${r.vsJscodeshift.toFixed(1)}x`);
      check(`${tree}, ${share * 100}% legacy: within 5x of grep`, r.vsGrep <= 5, `${r.vsGrep.toFixed(1)}x`);
      check(`${tree}, ${share * 100}% legacy: peak RSS <= 250 MB`, r.ours.rssMb !== null && r.ours.rssMb <= 250, r.ours.rssMb === null ? 'n/a' : `${Math.round(r.ours.rssMb)} MB`);
    }
    check('all legacy: >= 2.5x jscodeshift', b.vsJscodeshift >= 2.5, `${b.vsJscodeshift.toFixed(1)}x`);
    check(`all legacy: the pool (-j ${POOL_JOBS}) >= 1.7x -j 0`, b.poolGain >= 1.7, `${b.poolGain.toFixed(2)}x`);
    check('all legacy: peak RSS <= 250 MB', b.ours.rssMb !== null && b.ours.rssMb <= 250, b.ours.rssMb === null ? 'n/a' : `${Math.round(b.ours.rssMb)} MB`);
  } finally {
    if (args.keep) console.log(`\ntrees kept in ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
