// The bundle's loader with V8's code cache (src/load-bundle.ts): the cache is used only
// when it was made from the very same text, in a folder and file that are the user's own;
// whatever is wrong with it, the bundle still loads and runs from its text.
//
// Each load runs in a process of its own: within one process V8 keeps what it compiled
// and would answer from memory, never looking at the cache file.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { codeCacheFolder, WORKER_FLAG } from '../src/load-bundle';
import { WORKER_FLAG as SERVED_WORKER_FLAG } from '../src/engine/worker-serve';

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** src/load-bundle.ts as JavaScript, for the child processes (built as scripts/bundle.js builds it). */
let loader: string;
beforeAll(() => {
  loader = path.join(tempDir(), 'load-bundle.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('esbuild').buildSync({ entryPoints: [path.join(__dirname, '..', 'src', 'load-bundle.ts')], outfile: loader, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});

interface Loaded {
  loadedCoverage: string | null;
  answer: number;
  filename: string;
}

/** Loads `file` in a fresh process with the cache in `folder`, then saves the cache as `save` says. */
function loadBundle(file: string, folder: string | null, save?: 'scan' | 'full', preload?: string): Loaded & { wrapper?: string } {
  const script = `
    const loaded = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(file)}, ${JSON.stringify(folder)});
    ${save ? `loaded.saveCodeCache(${JSON.stringify(save)});` : ''}
    process.stdout.write(JSON.stringify({ loadedCoverage: loaded.loadedCoverage, answer: loaded.exports.answer(), filename: loaded.exports.filename, wrapper: globalThis.WRAPPER }));`;
  return JSON.parse(execFileSync(process.execPath, [...(preload ? ['-r', preload] : []), '-e', script], { encoding: 'utf8' }));
}

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startrecord-load-bundle-'));
  made.push(dir);
  return dir;
}

/** A stand-in bundle: some functions to compile, and an answer that says which text ran. */
function writeBundle(dir: string, answer: number): string {
  const file = path.join(dir, 'bundle.js');
  const helpers = Array.from({ length: 50 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join('\n');
  fs.writeFileSync(file, `${helpers}\nexports.answer = () => f0(${answer}) + f1(0) - 1;\nexports.filename = __filename;\n`);
  return file;
}

const entries = (folder: string) => fs.readdirSync(folder).sort();

describe('loadBundle', () => {
  test('compiles from the text the first time, then uses the cache it saved; a cache that covers less is replaced', () => {
    const dir = tempDir();
    const folder = tempDir();
    const file = writeBundle(dir, 42);

    const first = loadBundle(file, folder, 'scan');
    expect(first.loadedCoverage).toBeNull();
    expect(first.answer).toBe(42);
    expect(first.filename).toBe(file);
    expect(entries(folder)).toEqual([expect.stringMatching(/^[0-9a-f]{32}-v\d+\.\d+\.\d+-\w+-scan\.bin$/)]);
    expect(fs.statSync(path.join(folder, entries(folder)[0])).mode & 0o777).toBe(0o600);

    const before = fs.statSync(path.join(folder, entries(folder)[0])).mtimeMs;
    const second = loadBundle(file, folder, 'scan'); // nothing new: not written again
    expect(second.loadedCoverage).toBe('scan');
    expect(second.answer).toBe(42);
    expect(fs.statSync(path.join(folder, entries(folder)[0])).mtimeMs).toBe(before);
    expect(loadBundle(file, folder, 'full').loadedCoverage).toBe('scan'); // this run migrated too: its cache covers more
    expect(entries(folder)).toEqual([expect.stringMatching(/-full\.bin$/)]);

    const third = loadBundle(file, folder, 'scan');
    expect(third.loadedCoverage).toBe('full');
    expect(third.answer).toBe(42);
    expect(entries(folder)).toEqual([expect.stringMatching(/-full\.bin$/)]);
  });

  test('a changed bundle of the very same length never runs the old code (V8 itself checks only the length)', () => {
    const dir = tempDir();
    const folder = tempDir();
    const file = writeBundle(dir, 42);
    loadBundle(file, folder, 'full');
    const length = fs.statSync(file).size;
    writeBundle(dir, 43);
    expect(fs.statSync(file).size).toBe(length);

    const changed = loadBundle(file, folder, 'scan');
    expect(changed.loadedCoverage).toBeNull();
    expect(changed.answer).toBe(43);
    // Both entries stay (two installs side by side); each bundle loads its own.
    expect(entries(folder)).toEqual([expect.stringMatching(/-(full|scan)\.bin$/), expect.stringMatching(/-(full|scan)\.bin$/)]);
    expect(loadBundle(file, folder)).toMatchObject({ loadedCoverage: 'scan', answer: 43 });
  });

  test('a preload that changes the module wrapper (same length) gets its own cache, not the other wrapper\'s code', () => {
    const dir = tempDir();
    const folder = tempDir();
    const file = writeBundle(dir, 42);
    const preload = (tag: string) => {
      const preloadFile = path.join(dir, `wrap-${tag}.js`);
      fs.writeFileSync(
        preloadFile,
        `const Module = require('module');\nModule.wrap = (s) => '(function (exports, require, module, __filename, __dirname) { globalThis.WRAPPER = "${tag}"; ' + s + '\\n});';\n`,
      );
      return preloadFile;
    };
    expect(loadBundle(file, folder, 'full', preload('AAAA')).wrapper).toBe('AAAA');
    expect(loadBundle(file, folder, 'full', preload('BBBB'))).toMatchObject({ loadedCoverage: null, wrapper: 'BBBB' });
    expect(loadBundle(file, folder, undefined, preload('BBBB'))).toMatchObject({ loadedCoverage: 'full', wrapper: 'BBBB' });
  });

  test('keeps the four newest entries and removes temporary files a killed run left', () => {
    const dir = tempDir();
    const folder = tempDir();
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < 6; i++) {
      const name = path.join(folder, `${String(i).repeat(32)}-v0.0.0-x64-full.bin`);
      fs.writeFileSync(name, 'x');
      fs.utimesSync(name, old + i, old + i);
    }
    fs.writeFileSync(path.join(folder, 'left.bin.123-abc.tmp'), 'x');
    fs.utimesSync(path.join(folder, 'left.bin.123-abc.tmp'), old, old);
    fs.writeFileSync(path.join(folder, 'writing.bin.456-def.tmp'), 'x'); // another run writing now
    loadBundle(writeBundle(dir, 42), folder, 'full');
    const left = entries(folder);
    expect(left.filter((name) => name.endsWith('.tmp'))).toEqual(['writing.bin.456-def.tmp']);
    // This run's entry and the three newest of the others.
    const kept = left.filter((name) => name.endsWith('.bin'));
    expect(kept).toHaveLength(4);
    expect(kept.filter((name) => name.includes('-v0.0.0-')).map((name) => name[0]).sort()).toEqual(['3', '4', '5']);
    expect(kept.filter((name) => name.includes(`-${process.version}-`))).toHaveLength(1);
  });

  test('a damaged cache file is rejected and replaced; the bundle runs from its text', () => {
    const dir = tempDir();
    const folder = tempDir();
    const file = writeBundle(dir, 42);
    loadBundle(file, folder, 'full');
    const [name] = entries(folder);
    fs.writeFileSync(path.join(folder, name), Buffer.alloc(4096, 7));

    const damaged = loadBundle(file, folder, 'full');
    expect(damaged.loadedCoverage).toBeNull();
    expect(damaged.answer).toBe(42);
    expect(loadBundle(file, folder).loadedCoverage).toBe('full');
  });

  test('a cache entry that is a symbolic link is not followed', () => {
    const dir = tempDir();
    const folder = tempDir();
    const elsewhere = tempDir();
    const file = writeBundle(dir, 42);
    loadBundle(file, elsewhere, 'full');
    const [name] = entries(elsewhere);
    expect(loadBundle(file, elsewhere).loadedCoverage).toBe('full');
    fs.symlinkSync(path.join(elsewhere, name), path.join(folder, name));

    const loaded = loadBundle(file, folder);
    expect(loaded.loadedCoverage).toBeNull();
    expect(loaded.answer).toBe(42);
  });

  test('with no folder (the cache is off), it loads and saving does nothing', () => {
    const dir = tempDir();
    const file = writeBundle(dir, 42);
    expect(loadBundle(file, null, 'full')).toEqual({ loadedCoverage: null, answer: 42, filename: file });
  });

  test('its worker flag is the one the pool sets', () => {
    expect(WORKER_FLAG).toBe(SERVED_WORKER_FLAG);
  });
});

describe('codeCacheFolder', () => {
  const posix = typeof process.getuid === 'function';

  test('is created for the user alone below the temporary folder, and off with STARTRECORD_CODEMOD_CODE_CACHE=0', () => {
    const tmp = tempDir();
    const folder = codeCacheFolder({ TMPDIR: tmp }, tmp);
    expect(folder).not.toBeNull();
    expect(path.dirname(folder!)).toBe(tmp);
    if (posix) expect(fs.statSync(folder!).mode & 0o777).toBe(0o700);
    expect(codeCacheFolder({ STARTRECORD_CODEMOD_CODE_CACHE: '0' }, tmp)).toBeNull();
  });

  test('where owners cannot be checked (Windows), only a folder in the user profile: never the temporary folder', () => {
    const getuid = process.getuid;
    try {
      Object.defineProperty(process, 'getuid', { value: undefined, configurable: true, writable: true });
      const tmp = tempDir();
      expect(codeCacheFolder({}, tmp)).toBeNull();
      const profile = tempDir();
      expect(codeCacheFolder({ LOCALAPPDATA: profile }, tmp)).toBe(path.join(profile, 'startrecord-codemod', 'code-cache'));
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      Object.defineProperty(process, 'getuid', { value: getuid, configurable: true, writable: true });
    }
  });

  (posix ? test : test.skip)('a folder others can write to, or a link in its place, is not used', () => {
    const open = tempDir();
    const name = path.basename(codeCacheFolder({}, open)!);
    fs.chmodSync(path.join(open, name), 0o777);
    expect(codeCacheFolder({}, open)).toBeNull();

    const linked = tempDir();
    fs.symlinkSync(tempDir(), path.join(linked, name));
    expect(codeCacheFolder({}, linked)).toBeNull();
  });
});
