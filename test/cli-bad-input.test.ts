// Bad input never loses data: each case is a per-file error (or, when the file cannot hold
// a call site, a quiet "unchanged"), the file keeps its exact bytes, and the run goes on.
import * as fs from 'fs';
import * as path from 'path';
import { MainDependencies } from '../src/cli/main';
import { mentionsLegacyApi } from '../src/engine/legacy-names';
import { Migrate } from '../src/engine/migrate-text';
import { readSource } from '../src/engine/read-source';
import { mightContainLegacyCalls } from '../src/migrate';
import { BROKEN_PAGE, STOP_PAGE, makeProject, removeTempDirs, runCli } from './support/cli-project';

// The reader's open goes through this mock, so that one test can make a file unreadable:
// running as root (as CI does), a chmod cannot.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, openSync: jest.fn(actual.openSync) };
});


afterAll(removeTempDirs);


const run = runCli;

/** Runs with `--json` and answers the report's entry per path. */
async function runJson(argv: string[], cwd: string, dependencies: MainDependencies = {}) {
  const result = await run(['--json', ...argv], cwd, dependencies);
  const report = JSON.parse(result.stdout);
  const byPath = new Map<string, { status: string; error?: string }>(report.files.map((f: { path: string }) => [f.path, f]));
  return { ...result, report, byPath };
}

const bytesOf = (root: string, relative: string) => fs.readFileSync(path.join(root, relative));
const listing = (root: string) => fs.readdirSync(root).sort();

/** Replaces the stop call, whatever the real migration decides. */
const replaceStop: Migrate = (source) => ({
  output: source.replace('wx.stopRecord()', 'recorderManager.stop()'),
  changed: true,
  sites: [{ api: 'stopRecord', line: 3, column: 5, action: 'converted', notes: [] }],
});

describe('the cheap text test', () => {
  test('agrees with the migration’s own test', () => {
    const samples = [
      '', 'wx.startRecord()', 'stopRecord', 'startrecord', 'start Record', 'x.stopRecor', '// startRecord in a comment', 'récord startRecord',
      // The tails alone (`Record`, `Voice`) are not enough; each name counts, playback too.
      'Record Voice', 'recordVoice', 'wx.playVoice({})', 'pauseVoice', 'x.stopVoice()', 'playvoice', 'Voice stopRecor',
    ];
    for (const sample of samples) expect(mentionsLegacyApi(Buffer.from(sample, 'utf8'))).toBe(mightContainLegacyCalls(sample));
  });

  test('agrees on every string of up to three fragments (a tail seen before its name, names cut or run together)', () => {
    // The byte test looks before each `Record`/`Voice` for a prefix: these fragments put
    // tails first, at the very start, twice over, and prefixes that almost fit.
    const fragments = ['', 'Record', 'Voice', 'start', 'stop', 'play', 'pause', 'sta', 'tart', 'x', ' ', 'startRecord', 'é'];
    let checked = 0;
    for (const a of fragments) {
      for (const b of fragments) {
        for (const c of fragments) {
          const sample = a + b + c;
          expect([sample, mentionsLegacyApi(Buffer.from(sample, 'utf8'))]).toEqual([sample, mightContainLegacyCalls(sample)]);
          checked++;
        }
      }
    }
    expect(checked).toBe(fragments.length ** 3);
  });
});

describe('bad input', () => {
  test('a syntax error is an error of that file, with its location; the file keeps its bytes and the run goes on', async () => {
    const root = makeProject({ 'a.js': BROKEN_PAGE, 'b.js': STOP_PAGE });
    const { code, byPath } = await runJson(['.'], root);
    expect(code).toBe(1);
    expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('syntax error') });
    expect(byPath.get('b.js')!.status).toBe('changed');
    expect(bytesOf(root, 'a.js').toString()).toBe(BROKEN_PAGE);
  });

  test('a binary file that holds the API names is an error; one that does not is left alone quietly', async () => {
    const binaryWithNames = Buffer.concat([Buffer.from([0x00, 0x01, 0x02, 0xff]), Buffer.from('wx.stopRecord()'), Buffer.from([0x00])]);
    // An MPEG transport stream named .ts: binary, no API names.
    const video = Buffer.from([0x47, 0x40, 0x00, 0x10, 0x00, 0x00, 0xb0, 0x0d, 0x00, 0x01]);
    const root = makeProject({ 'blob.js': binaryWithNames, 'intro.ts': video });
    const { code, byPath } = await runJson(['.'], root, { migrate: replaceStop });
    expect(code).toBe(1);
    expect(byPath.get('blob.js')).toMatchObject({ status: 'error', error: expect.stringContaining('binary') });
    expect(byPath.get('intro.ts')!.status).toBe('unchanged');
    expect(bytesOf(root, 'blob.js').equals(binaryWithNames)).toBe(true);
  });

  test('UTF-16 text is an error asking for UTF-8, with or without a byte order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(STOP_PAGE, 'utf16le')]);
    const utf16NoBom = Buffer.from(STOP_PAGE, 'utf16le');
    const root = makeProject({ 'a.js': utf16, 'b.js': utf16NoBom });
    const { byPath } = await runJson(['.'], root, { migrate: replaceStop });
    expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('UTF-16') });
    expect(byPath.get('b.js')).toMatchObject({ status: 'error', error: expect.stringContaining('UTF-16') });
    expect(bytesOf(root, 'a.js').equals(utf16)).toBe(true);
  });

  test('text that is not UTF-8 is an error only when it mentions the API', async () => {
    const gbk = (code: string) => Buffer.concat([Buffer.from('// '), Buffer.from([0xb2, 0xe2]), Buffer.from(`\n${code}\n`)]);
    const root = makeProject({ 'a.js': gbk('wx.stopRecord()'), 'b.js': gbk('console.log(1)') });
    const { byPath } = await runJson(['.'], root, { migrate: replaceStop });
    expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('not valid UTF-8') });
    expect(byPath.get('b.js')!.status).toBe('unchanged');
    expect(bytesOf(root, 'a.js').equals(gbk('wx.stopRecord()'))).toBe(true);
  });

  test('a file over the size limit is an error when it could hold a call, never parsed; --max-size raises the limit', async () => {
    const padding = `// ${'x'.repeat(3000)}\n`;
    const big = padding.repeat(1000) + STOP_PAGE; // ~3 MB, the call at the very end
    const bigPlain = padding.repeat(1000); // ~3 MB, no call
    const root = makeProject({ 'big.js': big, 'vendor.js': bigPlain, 'small.js': STOP_PAGE });
    const seen: string[] = [];
    const migrate: Migrate = (source, filePath) => {
      seen.push(path.basename(filePath));
      return replaceStop(source, filePath, {});
    };

    const first = await runJson(['.'], root, { migrate });
    expect(first.code).toBe(1);
    expect(first.byPath.get('big.js')).toMatchObject({ status: 'error', error: expect.stringMatching(/too large.*\(2\.\d+ MB, over the 2 MB limit\).*--max-size/) });
    expect(first.byPath.get('vendor.js')!.status).toBe('unchanged');
    expect(first.byPath.get('small.js')!.status).toBe('changed');
    expect(seen).toEqual(['small.js']);
    expect(bytesOf(root, 'big.js').toString()).toBe(big);

    const raised = await runJson(['--max-size', '4mb', 'big.js'], root, { migrate });
    expect(raised.byPath.get('big.js')!.status).toBe('changed');
  });

  test('only a whole API name makes an unusable file an error: startRecording or stopRecorder do not', async () => {
    const gbk = (code: string) => Buffer.concat([Buffer.from('// '), Buffer.from([0xb2, 0xe2]), Buffer.from(`\n${code}\n`)]);
    const big = `// ${'x'.repeat(3000)}\n`.repeat(1000);
    const root = makeProject({
      'gbk.js': gbk('camera.startRecording()'),
      'big.js': `${big}video.stopRecorder()\n`,
      'blob.js': Buffer.concat([Buffer.from([0]), Buffer.from('startRecordingVideo')]),
      'gbk-call.js': gbk('wx.startRecord({})'),
    });
    const { byPath } = await runJson(['.'], root, { migrate: replaceStop });
    expect(byPath.get('gbk.js')!.status).toBe('unchanged');
    expect(byPath.get('big.js')!.status).toBe('unchanged');
    expect(byPath.get('blob.js')!.status).toBe('unchanged');
    expect(byPath.get('gbk-call.js')!.status).toBe('error');
  });

  test('a name cut in two by the chunked search of a large file is still found', () => {
    // The search reads 1 MiB chunks; put `stopRecord` across the first boundary.
    const boundary = 1024 * 1024;
    const text = 'x'.repeat(boundary - 4) + 'wx.stopRecord()' + '\n'.repeat(10);
    const root = makeProject({ 'big.js': text });
    expect(readSource(path.join(root, 'big.js'), 1024).kind).toBe('unusable');
    const withoutName = makeProject({ 'big.js': 'x'.repeat(boundary * 2) });
    expect(readSource(path.join(withoutName, 'big.js'), 1024).kind).toBe('no-api');
  });

  test('an unreadable file is an error with the system’s reason; the others are done', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE, 'b.js': STOP_PAGE });
    const locked = path.join(root, 'a.js');
    const openSync = fs.openSync as unknown as jest.Mock;
    const realOpen = jest.requireActual('fs').openSync;
    openSync.mockImplementation((file: fs.PathLike, ...rest: unknown[]) => {
      if (String(file) === locked) throw Object.assign(new Error(`EACCES: permission denied, open '${locked}'`), { code: 'EACCES' });
      return realOpen(file, ...rest);
    });
    try {
      const { code, byPath } = await runJson(['.'], root, { migrate: replaceStop });
      expect(code).toBe(1);
      expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('could not read the file: EACCES') });
      expect(byPath.get('b.js')!.status).toBe('changed');
    } finally {
      openSync.mockImplementation(realOpen);
    }
    expect(bytesOf(root, 'a.js').toString()).toBe(STOP_PAGE);
  });

  test('a file deleted between the walk and the read is an error, not a crash', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    fs.rmSync(path.join(root, 'a.js'));
    expect(readSource(path.join(root, 'a.js'))).toMatchObject({ kind: 'unusable', reason: expect.stringContaining('ENOENT') });
  });

  test('a read-only file is left alone with an error, in a dry run too (so the dry run predicts the real one)', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE, 'plain.js': 'console.log(1)\n' });
    fs.chmodSync(path.join(root, 'a.js'), 0o444);
    fs.chmodSync(path.join(root, 'plain.js'), 0o444);
    for (const argv of [['--dry', '.'], ['.']]) {
      const { code, byPath } = await runJson(argv, root, { migrate: replaceStop });
      expect(code).toBe(1);
      expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('read-only') });
      // A read-only file with nothing to change is no problem at all.
      expect(byPath.get('plain.js')!.status).toBe('unchanged');
    }
    expect(bytesOf(root, 'a.js').toString()).toBe(STOP_PAGE);
    expect(fs.statSync(path.join(root, 'a.js')).mode & 0o777).toBe(0o444);
  });

  test('a file changed on disk during the run is not overwritten: the new edit survives', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE, 'b.js': STOP_PAGE });
    const edited = `${STOP_PAGE}// saved by the editor meanwhile\n`;
    // The "editor" saves a.js while the codemod is migrating it.
    const migrate: Migrate = (source, filePath, options) => {
      if (filePath.endsWith('a.js')) fs.writeFileSync(filePath, edited);
      return replaceStop(source, filePath, options);
    };
    const { code, byPath } = await runJson(['.'], root, { migrate });
    expect(code).toBe(1);
    expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: expect.stringContaining('changed on disk while the codemod ran') });
    expect(bytesOf(root, 'a.js').toString()).toBe(edited);
    expect(bytesOf(root, 'b.js').toString()).toContain('recorderManager.stop()');
    expect(listing(root)).toEqual(['a.js', 'b.js']); // no temporary file left behind
  });

  test('a FIFO is never opened: skipped by the walk, unsupported when named', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const fifo = path.join(root, 'pipe.js');
    try {
      require('child_process').execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo on this system
    }
    const walked = await runJson(['.'], root, { migrate: replaceStop });
    expect([...walked.byPath.keys()]).toEqual(['a.js']);
    const named = await run(['--json', 'pipe.js'], root, { migrate: replaceStop });
    expect(named.stderr).toContain('pipe.js was not migrated');
    // And if a file is swapped for a FIFO after the walk, the read does not block.
    expect(readSource(fifo)).toMatchObject({ kind: 'unusable', reason: expect.stringContaining('not a regular file') });
  });

  test('a migration that throws something odd is still an error of that file', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const migrate: Migrate = () => {
      throw 'a string, not an Error';
    };
    const { code, byPath } = await runJson(['.'], root, { migrate });
    expect(code).toBe(1);
    expect(byPath.get('a.js')).toMatchObject({ status: 'error', error: 'a string, not an Error' });
  });
});
