import * as fs from 'fs';
import * as path from 'path';
import { discoverFiles } from '../src/cli/discover';
import { Migrate, processFile } from '../src/engine/process-file';
import { writeFileAtomic } from '../src/engine/write-atomic';
import { migrateSource, MigrationError, SiteReport } from '../src/migrate';
import { BROKEN_PAGE, PLAIN_PAGE, STOP_PAGE, makeProject, read, removeTempDirs, runCli } from './support/cli-project';

const REPO_ROOT = path.join(__dirname, '..');

// The smallest page the real migration converts: one stopRecord with no options.
const CAMERA_PAGE = ['const ctx = wx.createCameraContext()', 'ctx.startRecord({ success() {} })', ''].join('\n');

// ---------------------------------------------------------------------------------------
// Helpers

afterAll(removeTempDirs);



const run = runCli;


/** Pushes the mtime into the past so that "not rewritten" is observable. */
function ageFile(file: string): number {
  const past = new Date('2020-01-01T00:00:00Z');
  fs.utimesSync(file, past, past);
  return fs.statSync(file).mtimeMs;
}

/** Every file and folder below `root`, relative, sorted (readdir's `recursive` needs Node 18.17). */
function listTree(root: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(root, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory() ? [relative, ...listTree(root, relative)] : [relative];
    })
    .sort();
}

const site = (overrides: Partial<SiteReport> = {}): SiteReport => ({
  api: 'stopRecord',
  line: 1,
  column: 1,
  action: 'converted',
  notes: [],
  ...overrides,
});

// ---------------------------------------------------------------------------------------

describe('discovery', () => {
  const tree = {
    'app.js': '',
    'pages/a/a.js': '',
    'pages/a/a.wxml': '',
    'pages/a/a.json': '{}',
    'src/b.ts': '',
    'src/c.tsx': '',
    'src/d.jsx': '',
    'src/e.mjs': '',
    'src/f.cjs': '',
    'src/g.mts': '',
    'src/h.cts': '',
    'src/types.d.ts': '',
    'src/esm.d.mts': '',
    'src/cjs.d.cts': '',
    'src/page.vue': '',
    'src/voice.wpy': '',
    'pages/a/a.wxss': '',
    'README.md': '',
    'node_modules/pkg/index.js': '',
    'src/node_modules/nested/index.js': '',
    'miniprogram_npm/vant/index.js': '',
    'dist/bundle.js': '',
    'build/out.js': '',
    '.git/hooks/pre-commit.js': '',
    '.temp/cache.js': '',
    'packages/app/dist/x.js': '',
  };

  test('walks folders for the supported extensions and skips the skip list', async () => {
    const root = makeProject(tree);
    const result = await discoverFiles(['.'], root);
    expect(result.files.map((f) => path.relative(root, f).split(path.sep).join('/'))).toEqual([
      'app.js',
      'pages/a/a.js',
      'src/b.ts',
      'src/c.tsx',
      'src/d.jsx',
      'src/e.mjs',
      'src/f.cjs',
      'src/g.mts',
      'src/h.cts',
      'src/page.vue',
      'src/voice.wpy',
    ]);
    expect(result.missing).toEqual([]);
    expect(result.unsupported).toEqual([]);
  });

  test('takes explicit files as given, once, and reports unsupported and missing ones', async () => {
    const root = makeProject(tree);
    const result = await discoverFiles(['dist/bundle.js', 'pages/a/a.wxml', 'app.js', './app.js', 'src', 'nope'], root);
    expect(result.files).toEqual(
      [
        'app.js',
        'dist/bundle.js',
        'src/b.ts',
        'src/c.tsx',
        'src/d.jsx',
        'src/e.mjs',
        'src/f.cjs',
        'src/g.mts',
        'src/h.cts',
        'src/page.vue',
        'src/voice.wpy',
      ].map((f) => path.join(root, f)),
    );
    expect(result.unsupported).toEqual(['pages/a/a.wxml']);
    expect(result.missing).toEqual(['nope']);
  });

  test('declaration files are left out of walks but honoured when given explicitly', async () => {
    const root = makeProject(tree);
    const walked = await discoverFiles(['src'], root);
    expect(walked.files.filter((f) => /\.d\.[cm]?ts$/.test(f))).toEqual([]);
    const given = await discoverFiles(['src/types.d.ts', 'src/esm.d.mts'], root);
    expect(given.files).toEqual([path.join(root, 'src/esm.d.mts'), path.join(root, 'src/types.d.ts')]);
    expect(given.unsupported).toEqual([]);
  });

  test('does not follow symbolic links while walking', async () => {
    const root = makeProject({ 'pages/a.js': STOP_PAGE });
    fs.symlinkSync(path.join(root, 'pages'), path.join(root, 'linked-pages'));
    fs.symlinkSync(path.join(root, 'pages/a.js'), path.join(root, 'alias.js'));
    const result = await discoverFiles(['.'], root);
    expect(result.files).toEqual([path.join(root, 'pages/a.js')]);
  });

  test('the CLI tells the user about a given file it does not support, and goes on', async () => {
    const root = makeProject({ 'page.wxml': '<button bindtap="startRecord">rec</button>', 'a.js': PLAIN_PAGE });
    const result = await run(['--json', 'page.wxml', 'a.js'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'page.wxml was not migrated: only .js .jsx .ts .tsx .mjs .cjs .mts .cts .vue .wpy files are supported',
    );
    expect(JSON.parse(result.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a.js']);
  });

  test('the CLI migrates the script blocks of .vue and .wpy files and the .mts/.cts modules it finds', async () => {
    const vue = ['<template>', '  <view @tap="stop">stop</view>', '</template>', '', '<script>', STOP_PAGE, '</script>', ''].join('\n');
    const root = makeProject({
      'src/pages/voice.vue': vue,
      'src/pages/voice.wpy': vue,
      'src/utils/a.mts': STOP_PAGE,
      'src/utils/b.cts': STOP_PAGE,
      'src/types/wx.d.ts': 'declare function stopRecord(): void\n',
    });
    const result = await run(['--json', 'src'], root);
    expect(result.code).toBe(0);
    const files = JSON.parse(result.stdout).files as Array<{ path: string; status: string }>;
    expect(files.map((f) => f.path).sort()).toEqual(['src/pages/voice.vue', 'src/pages/voice.wpy', 'src/utils/a.mts', 'src/utils/b.cts']);
    // The script block gets what the same code gets as a file of its own, except that a
    // component block fetches the manager where it is used (see manager.ts).
    const script = migrateSource(STOP_PAGE, 'page.js').output;
    expect(script).not.toBe(STOP_PAGE);
    const block = STOP_PAGE.replace('wx.stopRecord()', 'wx.getRecorderManager().stop()');
    expect(read(root, 'src/pages/voice.vue')).toBe(vue.replace(STOP_PAGE, block));
    expect(read(root, 'src/pages/voice.wpy')).toBe(vue.replace(STOP_PAGE, block));
    expect(read(root, 'src/utils/a.mts')).toBe(script);
    expect(read(root, 'src/utils/b.cts')).toBe(script);
    expect(read(root, 'src/types/wx.d.ts')).toBe('declare function stopRecord(): void\n');
  });
});

describe('usage errors', () => {
  test('a path that does not exist exits 2 and processes nothing', async () => {
    const root = makeProject({ 'pages/a.js': STOP_PAGE });
    const result = await run(['pages', 'missing-folder'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such file or folder: missing-folder');
    expect(result.stdout).toBe('');
    expect(read(root, 'pages/a.js')).toBe(STOP_PAGE);
  });

  test('an unknown flag exits 2 with a clear message', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const result = await run(['--dryrun', 'a.js'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--dryrun'");
    expect(result.stderr).toContain('--help');
    expect(read(root, 'a.js')).toBe(STOP_PAGE);
  });

  test('no paths exits 2', async () => {
    const result = await run([], makeProject({}));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("missing required argument 'paths'");
  });

  test('--help and --version print on stdout and exit 0', async () => {
    const root = makeProject({});
    const help = await run(['--help'], root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: startrecord-codemod [options] <paths...>');
    expect(help.stdout).toContain('--force');
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Files: .js .jsx .ts .tsx .mjs .cjs .mts .cts, and the <script> blocks of .vue and .wpy');
    const version = await run(['--version'], root);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version);
  });

  test('--force is accepted (the git gate it overrides: cli-git-gate.test.ts)', async () => {
    const root = makeProject({ 'a.js': PLAIN_PAGE });
    expect((await run(['--force', 'a.js'], root)).code).toBe(0);
  });
});

// These go through the real migration (src/migrate).
describe('with the real migration', () => {
  test('--dry writes nothing and prints a unified diff and the report', async () => {
    const root = makeProject({ 'pages/voice.js': STOP_PAGE, 'pages/plain.js': PLAIN_PAGE });
    const before = listTree(root);
    const mtime = ageFile(path.join(root, 'pages/voice.js'));

    const result = await run(['--dry', '.'], root);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--- a/pages/voice.js\n+++ b/pages/voice.js\n@@');
    expect(result.stdout).toContain('-    wx.stopRecord()');
    expect(result.stdout).toMatch(/^\+.*recorderManager\.stop\(\)/m);
    expect(result.stdout).toContain('would change  pages/voice.js');
    expect(result.stdout).toContain('pages/voice.js:3:5  converted  stopRecord');
    expect(result.stdout).toContain('2 files: 1 would change, 1 unchanged, 0 errors');
    expect(result.stdout).toContain('Dry run: no file was written.');
    expect(result.stdout).not.toContain('plain.js'); // nothing to say about it
    expect(read(root, 'pages/voice.js')).toBe(STOP_PAGE);
    expect(fs.statSync(path.join(root, 'pages/voice.js')).mtimeMs).toBe(mtime);
    expect(listTree(root)).toEqual(before);
  });

  test('a real run writes changed files and leaves the others byte-identical', async () => {
    const root = makeProject({ 'pages/voice.js': STOP_PAGE, 'pages/plain.js': PLAIN_PAGE, 'pages/camera.js': CAMERA_PAGE });
    const plainMtime = ageFile(path.join(root, 'pages/plain.js'));
    const cameraMtime = ageFile(path.join(root, 'pages/camera.js'));

    const result = await run(['pages'], root);

    expect(result.code).toBe(0);
    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
    expect(read(root, 'pages/voice.js')).not.toContain('wx.stopRecord');
    expect(read(root, 'pages/plain.js')).toBe(PLAIN_PAGE);
    expect(read(root, 'pages/camera.js')).toBe(CAMERA_PAGE);
    expect(fs.statSync(path.join(root, 'pages/plain.js')).mtimeMs).toBe(plainMtime);
    expect(fs.statSync(path.join(root, 'pages/camera.js')).mtimeMs).toBe(cameraMtime);
    expect(result.stdout).toContain('changed       pages/voice.js\n  pages/voice.js:3:5  converted  stopRecord');
    expect(result.stdout).toContain('3 files: 1 changed, 2 unchanged, 0 errors; sites: 1 converted, 0 shimmed, 0 skipped (need you), 0 ignored (not the mini-program API)');
    expect(result.stdout).not.toContain('---'); // no diff outside --dry
  });

  test('--json prints only the report, in exactly the documented shape', async () => {
    const root = makeProject({ 'pages/voice.js': STOP_PAGE, 'pages/plain.js': PLAIN_PAGE });

    const result = await run(['--json', '--dry', 'pages'], root);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout); // the whole of stdout is the JSON
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
    expect(report.version).toBe(2);
    expect(report.files).toEqual([
      { path: 'pages/plain.js', status: 'unchanged', sites: [] },
      {
        path: 'pages/voice.js',
        status: 'changed',
        sites: [{ api: 'stopRecord', line: 3, column: 5, action: 'converted', notes: expect.any(Array) }],
      },
    ]);
    expect(Object.keys(report.files[1])).toEqual(['path', 'status', 'sites']);
    const [stopSite] = report.files[1].sites;
    expect(Object.keys(stopSite)).toEqual(['api', 'line', 'column', 'action', 'notes']);
    for (const note of stopSite.notes) expect(typeof note).toBe('string');
    expect(report.summary).toEqual({ files: 2, changed: 1, unchanged: 1, errors: 0, converted: 1, shimmed: 0, skipped: 0, ignored: 0 });
    expect(Object.keys(report.summary)).toEqual(['files', 'changed', 'unchanged', 'errors', 'converted', 'shimmed', 'skipped', 'ignored']);
    expect(read(root, 'pages/voice.js')).toBe(STOP_PAGE); // --dry still holds with --json
  });

  test('a file that does not parse is an error with its message; the others are still processed', async () => {
    const root = makeProject({ 'a-broken.js': BROKEN_PAGE, 'b-voice.js': STOP_PAGE });

    const result = await run(['--json', '.'], root);

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    const [broken, voice] = report.files;
    expect(broken.path).toBe('a-broken.js');
    expect(broken.status).toBe('error');
    expect(typeof broken.error).toBe('string');
    expect(broken.error.length).toBeGreaterThan(0);
    expect(Object.keys(broken)).toEqual(['path', 'status', 'error', 'sites']);
    expect(broken.sites).toEqual([]);
    expect(voice.status).toBe('changed');
    expect(report.summary.errors).toBe(1);
    expect(read(root, 'a-broken.js')).toBe(BROKEN_PAGE);
    expect(read(root, 'b-voice.js')).toContain('recorderManager.stop()');
  });

  test('the human report shows the parse error', async () => {
    const root = makeProject({ 'broken.js': BROKEN_PAGE });
    const result = await run(['broken.js'], root);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^error +broken\.js\n {2}broken\.js(:\d+:\d+)?  error  \S/m);
    expect(result.stdout).toContain('1 file: 0 changed, 0 unchanged, 1 error');
  });

  test('a second run over converted output changes nothing', async () => {
    const root = makeProject({ 'pages/voice.js': STOP_PAGE });
    expect((await run(['.'], root)).code).toBe(0);
    const converted = read(root, 'pages/voice.js');
    const mtime = ageFile(path.join(root, 'pages/voice.js'));

    const second = await run(['--json', '.'], root);

    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).summary).toMatchObject({ changed: 0, unchanged: 1, errors: 0 });
    expect(read(root, 'pages/voice.js')).toBe(converted);
    expect(fs.statSync(path.join(root, 'pages/voice.js')).mtimeMs).toBe(mtime);
  });

  test('writes keep the file mode and leave no temporary files', async () => {
    const root = makeProject({ 'pages/voice.js': STOP_PAGE });
    const file = path.join(root, 'pages/voice.js');
    fs.chmodSync(file, 0o754);
    const before = listTree(root);

    expect((await run(['pages'], root)).code).toBe(0);

    expect(read(root, 'pages/voice.js')).toContain('recorderManager.stop()');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o754);
    expect(listTree(root)).toEqual(before);
  });
});

// These drive the engine with a migrate of our own, so they do not depend on what the
// migration decides.
describe('engine, with an injected migrate', () => {
  const uppercase: Migrate = (source) => ({
    output: source.replace('wx.stopRecord()', 'STOPPED()'),
    changed: true,
    sites: [site({ line: 3, column: 5 })],
  });

  test('a migrate that throws becomes an error entry; the run goes on', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE, 'b.js': STOP_PAGE });
    const migrate: Migrate = (source, filePath) => {
      if (filePath.endsWith('a.js')) throw new Error('boom in a.js');
      return uppercase(source, filePath, {});
    };

    const result = await run(['--json', '.'], root, { migrate });

    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.files[0]).toEqual({ path: 'a.js', status: 'error', error: 'boom in a.js', sites: [] });
    expect(report.files[1].status).toBe('changed');
    expect(read(root, 'a.js')).toBe(STOP_PAGE);
    expect(read(root, 'b.js')).toContain('STOPPED()');
  });

  test('a MigrationError location is shown as path:line:column', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const migrate: Migrate = () => {
      throw new MigrationError('Unexpected token (3:18)', 3, 18);
    };
    const result = await run(['a.js'], root, { migrate });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  a.js:3:18  error  Unexpected token (3:18)');
  });

  test('files without the API names are never handed to migrate', async () => {
    const root = makeProject({ 'plain.js': PLAIN_PAGE, 'voice.js': STOP_PAGE });
    const seen: string[] = [];
    const migrate: Migrate = (source, filePath) => {
      seen.push(path.basename(filePath));
      return { output: source, changed: false, sites: [] };
    };
    await run(['.'], root, { migrate });
    expect(seen).toEqual(['voice.js']);
  });

  test('same text back means unchanged and not written, whatever the changed flag says', async () => {
    const root = makeProject({ 'voice.js': STOP_PAGE });
    const mtime = ageFile(path.join(root, 'voice.js'));
    const migrate: Migrate = (source) => ({ output: source, changed: true, sites: [] });
    const result = await run(['--json', '.'], root, { migrate });
    expect(JSON.parse(result.stdout).files[0].status).toBe('unchanged');
    expect(fs.statSync(path.join(root, 'voice.js')).mtimeMs).toBe(mtime);
  });

  test('unchanged files with skipped sites are listed with their reasons and notes', async () => {
    const root = makeProject({ 'h5.js': 'wx.config({})\nwx.startRecord({ cancel() {} })\n' });
    const migrate: Migrate = (source) => ({
      output: source,
      changed: false,
      sites: [site({ api: 'startRecord', line: 2, column: 1, action: 'skipped', reason: 'JS-SDK web page', notes: ['look here'] })],
    });

    const human = await run(['.'], root, { migrate });
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('unchanged     h5.js\n  h5.js:2:1  skipped  startRecord  JS-SDK web page  review: 1\n');
    expect(human.stdout).toContain('  1. look here (1 site)\n');
    expect(human.stdout).toContain('sites: 0 converted, 0 shimmed, 1 skipped (need you)');

    const json = JSON.parse((await run(['--json', '.'], root, { migrate })).stdout);
    expect(json.files[0].sites).toEqual([
      { api: 'startRecord', line: 2, column: 1, action: 'skipped', reason: 'JS-SDK web page', notes: ['look here'] },
    ]);
  });

  test('a file that is not UTF-8 is an error only when it mentions the API', async () => {
    // 0xB2 0xE2 is GBK for a Chinese character: invalid as UTF-8.
    const gbkWithApi = Buffer.concat([Buffer.from('// '), Buffer.from([0xb2, 0xe2]), Buffer.from('\nwx.stopRecord()\n')]);
    const gbkWithout = Buffer.concat([Buffer.from('// '), Buffer.from([0xb2, 0xe2]), Buffer.from('\nconsole.log(1)\n')]);
    const root = makeProject({ 'a.js': gbkWithApi, 'b.js': gbkWithout });

    const result = await run(['--json', '.'], root, { migrate: uppercase });

    const [a, b] = JSON.parse(result.stdout).files;
    expect(a.status).toBe('error');
    expect(a.error).toContain('not valid UTF-8');
    expect(b.status).toBe('unchanged');
    expect(fs.readFileSync(path.join(root, 'a.js')).equals(gbkWithApi)).toBe(true);
  });

  test('a byte order mark is kept', async () => {
    const root = makeProject({ 'a.js': `\uFEFF${STOP_PAGE}` });
    await run(['.'], root, { migrate: uppercase });
    expect(read(root, 'a.js').startsWith('\uFEFFPage({')).toBe(true);
    expect(read(root, 'a.js')).toContain('STOPPED()');
  });

  test('processFile never rejects, even when the file vanished', async () => {
    const root = makeProject({});
    const outcome = await processFile(path.join(root, 'gone.js'), { dry: false });
    expect(outcome).toMatchObject({ status: 'error', sites: [] });
    expect((outcome as { error: string }).error).toContain('could not read the file');
  });
});

describe('writeFileAtomic', () => {
  afterEach(() => jest.restoreAllMocks());

  test('replaces the content, keeps the mode, leaves no temporary file', async () => {
    const root = makeProject({ 'a.js': 'old\n' });
    const file = path.join(root, 'a.js');
    fs.chmodSync(file, 0o600);
    await writeFileAtomic(file, 'new\n');
    expect(read(root, 'a.js')).toBe('new\n');
    expect(fs.statSync(file).mode & 0o7777).toBe(0o600);
    expect(fs.readdirSync(root)).toEqual(['a.js']);
  });

  test('on failure removes the temporary file and leaves the original untouched', async () => {
    const root = makeProject({ 'a.js': 'old\n' });
    jest.spyOn(fs.promises, 'rename').mockRejectedValueOnce(new Error('disk on fire'));
    await expect(writeFileAtomic(path.join(root, 'a.js'), 'new\n')).rejects.toThrow('disk on fire');
    expect(read(root, 'a.js')).toBe('old\n');
    expect(fs.readdirSync(root)).toEqual(['a.js']);
  });

  test('a failed write is reported as an error of that file', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    jest.spyOn(fs.promises, 'rename').mockRejectedValueOnce(new Error('disk on fire'));
    const migrate: Migrate = (source) => ({ output: source.replace('wx.stopRecord()', 'X()'), changed: true, sites: [] });
    const result = await run(['--json', '.'], root, { migrate });
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).files[0].error).toContain('disk on fire');
    expect(read(root, 'a.js')).toBe(STOP_PAGE);
    expect(fs.readdirSync(root)).toEqual(['a.js']);
  });

  test('writes through a symbolic link instead of replacing it', async () => {
    const root = makeProject({ 'real.js': 'old\n' });
    fs.symlinkSync(path.join(root, 'real.js'), path.join(root, 'link.js'));
    await writeFileAtomic(path.join(root, 'link.js'), 'new\n');
    expect(fs.lstatSync(path.join(root, 'link.js')).isSymbolicLink()).toBe(true);
    expect(read(root, 'real.js')).toBe('new\n');
  });
});

// The launcher, worker threads and killing the process: test/cli-process.test.ts.

describe('temporary files a killed run left', () => {
  test('are removed by the next real run when their process is gone, and named; those of a live process stay', async () => {
    const { spawnSync } = require('child_process') as typeof import('child_process');
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;
    const stale = `.a.js.${deadPid}-0badf00d.startrecord-codemod.tmp`;
    const live = `.a.js.${process.pid}-0badf00d.startrecord-codemod.tmp`;
    const root = makeProject({ 'a.js': STOP_PAGE, [stale]: 'half', [live]: 'in progress' });
    const dry = await runCli(['--dry', 'a.js'], root);
    expect(fs.existsSync(path.join(root, stale))).toBe(true);
    expect(dry.stderr).not.toContain('temporary file');
    const result = await runCli(['--force', 'a.js'], root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`note: removed ${stale}, a temporary file left by an earlier run that was killed`);
    expect(fs.existsSync(path.join(root, stale))).toBe(false);
    expect(fs.existsSync(path.join(root, live))).toBe(true);
  });
});
