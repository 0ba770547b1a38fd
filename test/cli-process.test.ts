// The CLI as a real process (the compiled dist/), and its worker threads: the pool gives
// the same answers as the main thread, a crashing worker only fails its file, and killing
// the process mid-run (Ctrl-C once, twice, or SIGKILL) leaves every file either as it was
// or exactly as a dry run says it should become.
import { ChildProcess, execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CliIo } from '../src/cli/io';
import { main } from '../src/cli/main';
import { processFile } from '../src/engine/process-file';
import { STOP_PAGE, removeTempDirs, tempDir } from './support/cli-project';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateTree } = require('../bench/generate-tree.js') as {
  generateTree(options: { files: number; legacy: number; out: string; seed?: number }): { files: number };
};

const REPO_ROOT = path.join(__dirname, '..');
const BIN = path.join(REPO_ROOT, 'bin', 'startrecord-codemod.js');

afterAll(removeTempDirs);


/** Every file below `root`, relative, sorted. */
function listFiles(root: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? listFiles(root, relative) : [relative];
    })
    .sort();
}

function snapshot(root: string): Map<string, string> {
  return new Map(listFiles(root).map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]));
}

beforeAll(() => {
  if (!isBuildFresh(path.join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js'))) {
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO_ROOT, stdio: 'pipe' });
    // tsc also rewrites dist/transforms/ with its own output; the bundle step puts back the
    // jscodeshift entry the package ships (and rebuilds the bundle the CLI runs).
    execFileSync(process.execPath, ['scripts/bundle.js'], { cwd: REPO_ROOT, stdio: 'pipe' });
  }
}, 180_000);

/** The build is fresh when dist's entry is newer than every source file it is built from. */
function isBuildFresh(builtFile: string): boolean {
  if (!fs.existsSync(builtFile)) return false;
  const builtAt = fs.statSync(builtFile).mtimeMs;
  const sources = ['src', 'transforms'].flatMap((dir) => listFiles(REPO_ROOT, dir).map((p) => path.join(REPO_ROOT, p)));
  return sources.every((file) => fs.statSync(file).mtimeMs <= builtAt);
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function startCli(args: string[], cwd: string): { child: ChildProcess; exited: Promise<Exit> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once some file of `files` no longer has its original text. */
async function firstWrite(root: string, original: Map<string, string>, files: string[], limitMs = 60_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    for (const file of files) {
      const now = fs.readFileSync(path.join(root, file), 'utf8');
      if (now !== original.get(file)) return;
    }
    await sleep(5);
  }
  throw new Error('no file was written');
}

/**
 * The invariant after any interruption: each file holds its original text, or exactly the
 * text a dry run computes for it; nothing else is left in the tree (no temporary file).
 */
async function expectOriginalOrComplete(root: string, original: Map<string, string>, allowTemporaryFiles = false): Promise<number> {
  const now = snapshot(root);
  const leftovers = [...now.keys()].filter((file) => !original.has(file));
  if (allowTemporaryFiles) for (const file of leftovers) expect(file).toMatch(/\.startrecord-codemod\.tmp$/);
  else expect(leftovers).toEqual([]);
  let changed = 0;
  for (const [file, before] of original) {
    const text = now.get(file);
    if (text === before) continue;
    changed++;
    // The dry run starts from the original text, in a copy with the same name.
    const scratch = tempDir('startrecord-expected-');
    const copy = path.join(scratch, path.basename(file));
    fs.writeFileSync(copy, before);
    const expected = await processFile(copy, { dry: true });
    expect(expected.status).toBe('changed');
    expect(text).toBe((expected as { after: string }).after);
  }
  return changed;
}

describe('bin/startrecord-codemod.js', () => {
  test('--help runs from a real process and exits 0', () => {
    const stdout = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(stdout).toContain('Usage: startrecord-codemod [options] <paths...>');
    expect(stdout).toContain('Examples:');
  });

  test('with no path and no terminal: a usage error, no prompt', () => {
    let code = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [BIN], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      code = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(code).toBe(2);
    expect(stderr).toContain("missing required argument 'paths'");
  });
});

describe('the code cache (src/load-bundle.ts)', () => {
  function runWith(env: NodeJS.ProcessEnv, args: string[], cwd: string): string {
    return execFileSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  }
  const withoutTimes = (json: string) => ({ ...JSON.parse(json), elapsed: undefined });

  test('the first run saves it in the user’s own folder, later runs load it and answer the same; off with STARTRECORD_CODEMOD_CODE_CACHE=0', () => {
    const root = tempDir('startrecord-cache-app-');
    generateTree({ files: 12, legacy: 0.5, out: root, seed: 3 });
    const tmp = tempDir('startrecord-cache-tmp-');
    const first = runWith({ TMPDIR: tmp }, ['--dry', '--json', '-j', '0', '.'], root);
    const [folder] = fs.readdirSync(tmp);
    expect(folder).toMatch(/^startrecord-codemod-cache/);
    // This run migrated in the main thread: the cache covers the migration too.
    const saved = fs.readdirSync(path.join(tmp, folder));
    expect(saved).toEqual([expect.stringMatching(/-full\.bin$/)]);
    if (typeof process.getuid === 'function') expect(fs.statSync(path.join(tmp, folder)).mode & 0o777).toBe(0o700);
    const savedAt = fs.statSync(path.join(tmp, folder, saved[0])).mtimeMs;

    const second = runWith({ TMPDIR: tmp }, ['--dry', '--json', '-j', '0', '.'], root);
    expect(withoutTimes(second)).toEqual(withoutTimes(first));
    expect(fs.readdirSync(path.join(tmp, folder))).toEqual(saved);
    expect(fs.statSync(path.join(tmp, folder, saved[0])).mtimeMs).toBe(savedAt); // loaded, not written again

    const off = tempDir('startrecord-cache-off-');
    expect(withoutTimes(runWith({ TMPDIR: off, STARTRECORD_CODEMOD_CODE_CACHE: '0' }, ['--dry', '--json', '-j', '0', '.'], root))).toEqual(withoutTimes(first));
    expect(fs.readdirSync(off)).toEqual([]);
  });
});

describe('worker threads', () => {
  test('the pool answers exactly what the main thread answers', async () => {
    const root = tempDir('startrecord-pool-');
    generateTree({ files: 30, legacy: 0.5, out: root, seed: 7 });
    const viaPool = await startCli(['--dry', '--json', '--jobs', '2', '.'], root).exited;
    const inMain = await startCli(['--dry', '--json', '--jobs', '0', '.'], root).exited;
    expect(viaPool.code).toBe(0);
    expect(JSON.parse(viaPool.stdout)).toEqual(JSON.parse(inMain.stdout));
    expect(JSON.parse(viaPool.stdout).summary.changed).toBe(15);
    const printPool = await startCli(['--print', '--jobs', '2', '.'], root).exited;
    const printMain = await startCli(['--print', '--jobs', '0', '.'], root).exited;
    expect(printPool.stdout).toBe(printMain.stdout);
  }, 120_000);

  test('a worker that crashes or throws fails only the file in hand; the run goes on', async () => {
    const root = tempDir('startrecord-crash-');
    const script = path.join(root, 'worker.js');
    fs.writeFileSync(
      script,
      [
        "const { parentPort } = require('worker_threads');",
        'parentPort.postMessage({ ready: true });',
        "parentPort.on('message', (task) => {",
        "  if (task.filePath.endsWith('crash.js')) process.exit(3);",
        "  if (task.filePath.endsWith('throw.js')) throw new Error('kaboom');",
        "  parentPort.postMessage({ id: task.id, answer: { kind: 'migrated', output: task.text.replace('wx.stopRecord()', 'X()'), sites: [] } });",
        '});',
      ].join('\n'),
    );
    const src = path.join(root, 'src');
    fs.mkdirSync(src);
    const names = ['crash.js', 'throw.js', ...Array.from({ length: 12 }, (_, i) => `ok${i}.js`)];
    for (const name of names) fs.writeFileSync(path.join(src, name), STOP_PAGE);

    let stdout = '';
    const io: CliIo = { stdout: { write: (c: string) => (stdout += c) }, stderr: { write: () => undefined }, cwd: root };
    const code = await main(['--json', '--jobs', '2', 'src'], io, { workerScript: script });

    expect(code).toBe(1);
    const byPath = new Map(JSON.parse(stdout).files.map((f: { path: string }) => [f.path, f]));
    expect(byPath.get('src/crash.js')).toMatchObject({ status: 'error', error: expect.stringContaining('worker exit code 3') });
    expect(byPath.get('src/throw.js')).toMatchObject({ status: 'error', error: expect.stringContaining('kaboom') });
    for (let i = 0; i < 12; i++) expect(byPath.get(`src/ok${i}.js`)).toMatchObject({ status: 'changed' });
    expect(fs.readFileSync(path.join(src, 'crash.js'), 'utf8')).toBe(STOP_PAGE);
    expect(fs.readFileSync(path.join(src, 'ok0.js'), 'utf8')).toContain('X()');
  }, 60_000);

  test('workers that cannot start: the main thread does the work', async () => {
    const root = tempDir('startrecord-nostart-');
    const script = path.join(root, 'worker.js');
    fs.writeFileSync(script, "throw new Error('cannot start');\n");
    const src = path.join(root, 'src');
    fs.mkdirSync(src);
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(src, `p${i}.js`), STOP_PAGE);
    let stdout = '';
    const io: CliIo = { stdout: { write: (c: string) => (stdout += c) }, stderr: { write: () => undefined }, cwd: root };
    const code = await main(['--json', '--dry', '--jobs', '2', 'src'], io, { workerScript: script });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary).toMatchObject({ changed: 10, errors: 0 });
  }, 60_000);
});

describe('killing the process mid-run', () => {
  /** A tree where every file records, so that the run lasts and each file gets written. */
  function legacyTree(): { root: string; original: Map<string, string>; files: string[] } {
    const root = tempDir('startrecord-kill-');
    generateTree({ files: 160, legacy: 1, out: root, seed: 3 });
    const original = snapshot(root);
    return { root, original, files: [...original.keys()] };
  }

  test('Ctrl-C once: the files in hand are finished, the rest untouched, the report says so', async () => {
    const { root, original, files } = legacyTree();
    const { child, exited } = startCli(['--json', '--force', '--jobs', '2', '.'], root);
    await firstWrite(root, original, files.slice(0, 20));
    child.kill('SIGINT');
    const exit = await exited;

    const changed = await expectOriginalOrComplete(root, original);
    expect(changed).toBeGreaterThan(0);
    if (exit.code === 130) {
      const report = JSON.parse(exit.stdout);
      expect(report.interrupted.notProcessed).toBe(files.length - report.files.length);
      expect(report.summary.changed).toBe(changed);
      expect(exit.stderr).toContain('Stopping after the files in hand');
    } else {
      expect(exit.code).toBe(0); // the run had finished before the signal arrived
    }
  }, 120_000);

  test('Ctrl-C twice: the files in hand are abandoned, still nothing half-written or left over', async () => {
    const { root, original, files } = legacyTree();
    const { child, exited } = startCli(['--json', '--force', '--jobs', '2', '.'], root);
    await firstWrite(root, original, files.slice(0, 20));
    child.kill('SIGINT');
    await sleep(1);
    child.kill('SIGINT');
    const exit = await exited;
    expect([0, 130]).toContain(exit.code);
    await expectOriginalOrComplete(root, original);
  }, 120_000);

  test('SIGKILL: no cleanup at all, yet every file is whole (only temporary files may remain)', async () => {
    const { root, original, files } = legacyTree();
    const { child, exited } = startCli(['--force', '--jobs', '2', '.'], root);
    await firstWrite(root, original, files.slice(0, 20));
    await sleep(20);
    child.kill('SIGKILL');
    await exited;
    await expectOriginalOrComplete(root, original, true);
  }, 120_000);
});
