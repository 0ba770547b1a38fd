import { parseArgs } from '../src/cli/args';
// Output modes (--print, --report, the coloured diff, the summary), exit codes, options
// handed to the migration, the prompt, the progress bar and Ctrl-C, all in-process.
import { EventEmitter } from 'events';
import * as fs from 'fs';
import * as path from 'path';
import { PassThrough } from 'stream';
import { CliIo } from '../src/cli/io';
import { createProgress } from '../src/cli/progress';
import { Migrate } from '../src/engine/migrate-text';
import { SiteReport } from '../src/migrate';
import { PLAIN_PAGE, STOP_PAGE, makeProject, read, removeTempDirs, runCli } from './support/cli-project';


afterAll(removeTempDirs);



const run = runCli;


const site = (overrides: Partial<SiteReport> = {}): SiteReport => ({ api: 'stopRecord', line: 3, column: 5, action: 'converted', notes: [], ...overrides });

/** Converts `wx.stopRecord()`; leaves `wx.startRecord(opts)` alone with a reason. */
const fakeMigrate: Migrate = (source) => {
  const sites: SiteReport[] = [];
  if (source.includes('wx.startRecord(opts)')) sites.push(site({ api: 'startRecord', line: 1, column: 1, action: 'skipped', reason: 'options not written at the call' }));
  if (source.includes('wx.stopRecord()')) sites.push(site());
  return { output: source.replace('wx.stopRecord()', 'recorderManager.stop()'), changed: true, sites };
};

describe('--print', () => {
  test('one file: its migrated text alone on stdout, nothing written, the report on stderr', async () => {
    const root = makeProject({ 'voice.js': STOP_PAGE });
    const result = await run(['--print', 'voice.js'], root, { migrate: fakeMigrate });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(STOP_PAGE.replace('wx.stopRecord()', 'recorderManager.stop()'));
    expect(result.stderr).toContain('1 file: 1 would change');
    expect(read(root, 'voice.js')).toBe(STOP_PAGE);
  });

  test('one file with nothing to change is printed as it is', async () => {
    const root = makeProject({ 'plain.js': PLAIN_PAGE });
    const result = await run(['--print', 'plain.js'], root, { migrate: fakeMigrate });
    expect(result.stdout).toBe(PLAIN_PAGE);
  });

  test('several files: each changed one under a header, in path order', async () => {
    const root = makeProject({ 'b.js': STOP_PAGE, 'a.js': STOP_PAGE, 'plain.js': PLAIN_PAGE });
    const result = await run(['--print', '.'], root, { migrate: fakeMigrate });
    const migrated = STOP_PAGE.replace('wx.stopRecord()', 'recorderManager.stop()');
    expect(result.stdout).toBe(`==> a.js <==\n${migrated}==> b.js <==\n${migrated}`);
    expect(read(root, 'a.js')).toBe(STOP_PAGE);
  });

  test('--print ends with what --print did, never with the advice of --dry', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const result = await run(['--print', 'a.js'], root);
    expect(result.stderr).toContain('--print: no file was written');
    expect(result.stderr).not.toContain('without --dry');
  });

  test('--print and --json both want stdout: a usage error', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const result = await run(['--print', '--json', 'a.js'], root);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '--print' cannot be used with option '--json'");
  });
});

describe('--report', () => {
  test('writes the JSON report to a file in every mode, the same report --json prints', async () => {
    for (const mode of [['--dry'], ['--dry', '--json'], ['--print'], []]) {
      const root = makeProject({ 'a.js': STOP_PAGE, 'plain.js': PLAIN_PAGE });
      const result = await run([...mode, '--report', 'out/report.json', '.'], root, { migrate: fakeMigrate });
      // The folder must exist: the report is not a place to create folders in silently.
      // It is checked before anything is done, so no file was rewritten without its record.
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--report out/report.json: the folder');
      expect(result.stderr).toContain('Nothing was done.');
      expect(read(root, 'a.js')).toBe(STOP_PAGE);
      fs.mkdirSync(path.join(root, 'out'));
      const again = await run([...mode, '--force', '--report', 'out/report.json', '.'], root, { migrate: fakeMigrate });
      expect(again.code).toBe(0);
      const report = JSON.parse(read(root, 'out/report.json'));
      expect(report.summary).toMatchObject({ files: 2, errors: 0 });
      if (mode.includes('--json')) expect(JSON.parse(again.stdout)).toEqual(report);
    }
  });
});

describe('exit codes', () => {
  test('--fail-on-skipped exits 3 when a site was left on the old API, 0 otherwise', async () => {
    const root = makeProject({ 'a.js': 'wx.startRecord(opts)\n', 'b.js': STOP_PAGE });
    expect((await run(['--dry', '.'], root, { migrate: fakeMigrate })).code).toBe(0);
    expect((await run(['--dry', '--fail-on-skipped', '.'], root, { migrate: fakeMigrate })).code).toBe(3);
    expect((await run(['--dry', '--fail-on-skipped', 'b.js'], root, { migrate: fakeMigrate })).code).toBe(0);
  });

  test('errors win over skipped sites', async () => {
    const root = makeProject({ 'a.js': 'wx.startRecord(opts)\n', 'b.js': STOP_PAGE });
    const migrate: Migrate = (source, file, options) => {
      if (file.endsWith('b.js')) throw new Error('boom');
      return fakeMigrate(source, file, options);
    };
    expect((await run(['--dry', '--fail-on-skipped', '.'], root, { migrate })).code).toBe(1);
  });

  test('bad option values are usage errors', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    for (const argv of [['--jobs', 'two'], ['--jobs', '-1'], ['--max-size', 'huge'], ['--max-size', '0'], ['--max-size', '12x'], ['--max-size', '8 mbs']]) {
      const result = await run([...argv, 'a.js'], root);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('--help');
    }
  });
});

describe('options handed to the migration', () => {
  test('--no-shim maps to { shim: false }; by default files import the shim file the run writes into their app; --shim-import /x is taken from the app root', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const seen: unknown[] = [];
    const migrate: Migrate = (source, file, options) => {
      seen.push(options);
      return fakeMigrate(source, file, options);
    };
    await run(['--dry', 'a.js'], root, { migrate });
    await run(['--dry', '--no-shim', 'a.js'], root, { migrate });
    await run(['--dry', '--shim-import', '/utils/startrecord-shim', 'a.js'], root, { migrate });
    expect(seen).toEqual([{ shimImport: './startrecord-shim' }, { shim: false }, { shimImport: './utils/startrecord-shim' }]);
  });

  test('--shim-import: shimmed files import the shim from the module given, by a path WeChat resolves', async () => {
    const page = "Page({ start() { wx.startRecord().then((res) => this.setData({ f: res.tempFilePath })) } })\n";
    const root = makeProject({ 'a.js': page });
    const result = await run(['--print', '--shim-import', '/utils/startrecord-shim', 'a.js'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("const { startRecord } = require('./utils/startrecord-shim')");
    expect(result.stdout).toContain('startRecord().then(');
  });

  test('--max-size units in any case mean what they say (8m is 8 MiB, not 8 bytes)', () => {
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: '/' } as any;
    const size = (value: string) => {
      const parsed = parseArgs(['--max-size', value, 'a.js'], io);
      return parsed.kind === 'run' ? parsed.options.maxBytes : null;
    };
    expect(size('8m')).toBe(8 * 1024 * 1024);
    expect(size('8M')).toBe(8 * 1024 * 1024);
    expect(size('8MB')).toBe(8 * 1024 * 1024);
    expect(size('500kb')).toBe(500 * 1024);
    expect(size('1.5mb')).toBe(Math.floor(1.5 * 1024 * 1024));
    expect(size('2048')).toBe(2048);
  });

  test('--max-size takes bytes or units', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const tooSmall = await run(['--json', '--dry', '--max-size', '10', 'a.js'], root, { migrate: fakeMigrate });
    expect(JSON.parse(tooSmall.stdout).files[0].error).toContain('too large');
    const enough = await run(['--json', '--dry', '--max-size', '1kb', 'a.js'], root, { migrate: fakeMigrate });
    expect(JSON.parse(enough.stdout).files[0].status).toBe('changed');
  });
});

describe('the human output', () => {
  test('--dry colours the diff on a terminal, and not with NO_COLOR or --no-color', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const tty = (sink: { text: string }) => ({ write: (c: string) => (sink.text += c), isTTY: true });
    const coloured = { text: '' };
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      await run(['--dry', 'a.js'], root, { migrate: fakeMigrate }, { stdout: tty(coloured) });
      expect(coloured.text).toContain('\u001b[31m-    wx.stopRecord()');
      expect(coloured.text).toContain('\u001b[32m+    recorderManager.stop()');

      const plain = { text: '' };
      await run(['--dry', '--no-color', 'a.js'], root, { migrate: fakeMigrate }, { stdout: tty(plain) });
      expect(plain.text).not.toContain('\u001b[');

      process.env.NO_COLOR = '1';
      const noColor = { text: '' };
      await run(['--dry', 'a.js'], root, { migrate: fakeMigrate }, { stdout: tty(noColor) });
      expect(noColor.text).not.toContain('\u001b[');
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });

  test('the summary groups the reasons of skipped sites when there are several', async () => {
    const root = makeProject({ 'a.js': 'x\n', 'b.js': 'x\n', 'c.js': 'x\n' });
    const migrate: Migrate = (source, file) => ({
      output: source,
      changed: false,
      sites: [site({ action: 'skipped', reason: file.endsWith('c.js') ? 'reason two' : 'reason one' })],
    });
    // 'x' has no API name: name one so that the files reach the migration.
    for (const f of ['a.js', 'b.js', 'c.js']) fs.writeFileSync(path.join(root, f), 'wx.startRecord(o)\n');
    const result = await run(['--dry', '.'], root, { migrate });
    expect(result.stdout).toContain('Sites left on the old API that need you, by reason:\n     2  reason one\n     1  reason two\n');
  });

  test('errors are summed up with what to do', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE });
    const migrate: Migrate = () => {
      throw new Error('boom');
    };
    const result = await run(['.'], root, { migrate });
    expect(result.stdout).toContain('Files with errors were left as they were');
  });
});

describe('asking for a path', () => {
  /** A terminal that types `answers`, one line each. */
  function terminal(answers: string[]): PassThrough & { isTTY: boolean } {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    // Typed once the questions are asked, as a person would.
    setImmediate(() => {
      for (const answer of answers) input.write(`${answer}\n`);
    });
    return input;
  }

  test('with no path on a terminal: asks for the folder and for a dry run (the default)', async () => {
    const root = makeProject({ 'src/a.js': STOP_PAGE });
    const result = await run([], root, { migrate: fakeMigrate }, { stdin: terminal(['src', '']) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Folder or file to migrate (.): ');
    expect(result.stderr).toContain('dry run)? [Y/n] ');
    expect(result.stderr).toContain('Running: startrecord-codemod --dry src');
    expect(result.stdout).toContain('would change  src/a.js');
    expect(read(root, 'src/a.js')).toBe(STOP_PAGE);
  });

  test('answering no to the dry run writes; a path that does not exist is asked again', async () => {
    const root = makeProject({ 'src/a.js': STOP_PAGE });
    const result = await run(['--force'], root, { migrate: fakeMigrate }, { stdin: terminal(['nope', 'src', 'n']) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('no such file or folder: nope');
    expect(result.stderr).toContain('Running: startrecord-codemod src');
    expect(read(root, 'src/a.js')).toContain('recorderManager.stop()');
  });

  test('giving up (end of input) does nothing', async () => {
    const root = makeProject({ 'src/a.js': STOP_PAGE });
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    setImmediate(() => stdin.end());
    const result = await run([], root, { migrate: fakeMigrate }, { stdin });
    expect(result.code).toBe(130);
    expect(read(root, 'src/a.js')).toBe(STOP_PAGE);
  });

  test('never asks when stdin is not a terminal, or with --yes: no path is a usage error', async () => {
    const root = makeProject({ 'src/a.js': STOP_PAGE });
    const piped = Object.assign(new PassThrough(), { isTTY: false });
    const notTty = await run([], root, {}, { stdin: piped });
    expect(notTty.code).toBe(2);
    expect(notTty.stderr).toContain("missing required argument 'paths'");
    expect(notTty.stderr).not.toContain('Folder or file');

    const yes = await run(['--yes'], root, {}, { stdin: terminal(['src', '']) });
    expect(yes.code).toBe(2);
    expect(yes.stderr).not.toContain('Folder or file');
  });
});

describe('progress bar', () => {
  function fakeTerminal() {
    const sink = { text: '', isTTY: true, columns: 80, write: (c: string) => (sink.text += c) };
    return sink;
  }

  test('appears only after a second, on a terminal, and is wiped at the end', () => {
    let now = 0;
    const stream = fakeTerminal();
    const progress = createProgress(stream, 100, true, () => now);
    progress.tick();
    now = 500;
    progress.tick();
    expect(stream.text).toBe(''); // a short run shows nothing
    now = 1500;
    progress.tick();
    expect(stream.text).toContain('3/100 files');
    expect(stream.text).toContain('files/s');
    // Other output on the same terminal wipes the bar first; it comes back at the next redraw.
    progress.clear();
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
    now = 1700;
    progress.tick();
    expect(stream.text).toContain('4/100 files');
    progress.finish();
    expect(stream.text.endsWith('\r\u001b[K')).toBe(true);
  });

  test('silent when stderr is not a terminal, or with --no-progress', () => {
    let now = 0;
    const piped = { text: '', write: (c: string) => (piped.text += c) };
    const off = createProgress(piped, 10, true, () => now);
    const disabled = fakeTerminal();
    const offToo = createProgress(disabled, 10, false, () => now);
    now = 5000;
    off.tick();
    offToo.tick();
    off.finish();
    offToo.finish();
    expect(piped.text).toBe('');
    expect(disabled.text).toBe('');
  });
});

describe('Ctrl-C, in-process', () => {
  test('the first stops after the file in hand; the report says what was done; exit 130', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`f${String(i).padStart(2, '0')}.js`] = STOP_PAGE;
    const root = makeProject(files);
    const signals = new EventEmitter();
    let migrated = 0;
    const migrate: Migrate = (source, file, options) => {
      if (++migrated === 5) signals.emit('SIGINT');
      return fakeMigrate(source, file, options);
    };

    const result = await run(['--json', '.'], root, { migrate }, { signals: signals as unknown as CliIo['signals'] });

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Stopping after the files in hand');
    const report = JSON.parse(result.stdout);
    expect(report.summary.changed).toBe(5);
    expect(report.interrupted).toEqual({ notProcessed: 15 });
    const changed = Object.keys(files).filter((f) => read(root, f) !== STOP_PAGE);
    expect(changed).toEqual(report.files.filter((f: { status: string }) => f.status === 'changed').map((f: { path: string }) => f.path));
    for (const f of changed) expect(read(root, f)).toBe(STOP_PAGE.replace('wx.stopRecord()', 'recorderManager.stop()'));
    expect(signals.listenerCount('SIGINT')).toBe(0); // a Ctrl-C after the run ends the process as usual
  });

  test('the second abandons the files in hand: each keeps its old text or has its complete new one, nothing stray is left', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.js`] = STOP_PAGE;
    const root = makeProject(files);
    const signals = new EventEmitter();
    const exits: number[] = [];
    let migrated = 0;
    const migrate: Migrate = (source, file, options) => {
      if (++migrated === 3) {
        signals.emit('SIGINT');
        signals.emit('SIGINT');
      }
      return fakeMigrate(source, file, options);
    };

    const result = await run(['--json', '.'], root, { migrate }, { signals: signals as unknown as CliIo['signals'], exit: (code) => exits.push(code) });

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Abandoning the files in hand');
    expect(exits).toEqual([]); // the run ended by itself, well before the deadline
    const report = JSON.parse(result.stdout);
    expect(report.interrupted.notProcessed).toBeGreaterThanOrEqual(9);
    const migratedText = STOP_PAGE.replace('wx.stopRecord()', 'recorderManager.stop()');
    for (const f of Object.keys(files)) expect([STOP_PAGE, migratedText]).toContain(read(root, f));
    expect(fs.readdirSync(root).sort()).toEqual(Object.keys(files).sort());
  });

  test('the human summary says how many files were not processed', async () => {
    const root = makeProject({ 'a.js': STOP_PAGE, 'b.js': STOP_PAGE, 'c.js': STOP_PAGE });
    const signals = new EventEmitter();
    const migrate: Migrate = (source, file, options) => {
      signals.emit('SIGINT');
      return fakeMigrate(source, file, options);
    };
    const result = await run(['.'], root, { migrate }, { signals: signals as unknown as CliIo['signals'] });
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('Interrupted: 2 files not processed.');
  });
});
