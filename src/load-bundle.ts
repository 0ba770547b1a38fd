/**
 * Loads the one-file bundle (dist/bundle/startrecord-codemod.js) for the CLI and for its
 * worker threads, with a V8 code cache. Built by scripts/bundle.js into
 * dist/bundle/load-bundle.js, a small file of its own: it must run before the bundle.
 *
 * Why: compiling the 2 MB bundle takes about 100 ms at every start, and every function the
 * run calls is compiled again on first use; a small tree's whole run is a few seconds, and
 * each worker thread pays the same again. V8 can save the compiled code after a run and
 * take it back at the next start (`vm.Script`'s `cachedData`): measured, the bundle loads
 * in 40-60 ms instead of 120-170 ms, and the first 200 migrations take about 10% less.
 *
 * Safety, because this code is executed:
 * - V8 checks the cache against its own version and flags, but of the source it checks
 *   only the length. So the cache file is named by a SHA-256 of the bundle's text, the
 *   Node version and the architecture: a changed bundle never meets an old cache.
 * - The folder is the user's own (0700, owned by the user, not a link) below the system's
 *   temporary folder, as Node's own compile cache does; a cache file must be a regular file
 *   owned by the user. Anything else and the cache is not used: the bundle is compiled as
 *   without it. Where owners cannot be checked (Windows), the folder is in the user's own
 *   profile (%LOCALAPPDATA%), never in a temporary folder another account may share.
 *   Files are written under a temporary name and renamed, so a reader never sees half a
 *   file. The last few entries are kept (two installs or Node versions side by side).
 * - `STARTRECORD_CODEMOD_CODE_CACHE=0` turns it off.
 * Nothing here ever fails a run: every problem with the cache means "no cache".
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import Module = require('module');
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { isMainThread, workerData } from 'worker_threads';

/** What the cache holds: `scan` from a run that only read files, `full` from one that also migrated in this thread. */
export type CacheCoverage = 'scan' | 'full';

export interface LoadedBundle {
  exports: any;
  /** Writes this run's compiled code for the next run, when it would cover more than what was loaded. */
  saveCodeCache(coverage: CacheCoverage): void;
  /** What was loaded from the cache (null: nothing, the bundle was compiled from its text). */
  loadedCoverage: CacheCoverage | null;
}

/** The folder for the cache, created if needed; null when it is off or not safely ours. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env, temporaryFolder: string = os.tmpdir()): string | null {
  if (env.STARTRECORD_CODEMOD_CODE_CACHE === '0') return null;
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  let folder: string;
  if (uid !== null) {
    folder = path.join(temporaryFolder, `startrecord-codemod-cache-${uid}`);
  } else {
    // No owner to check: only a folder in the user's own profile will do.
    if (!env.LOCALAPPDATA || !path.isAbsolute(env.LOCALAPPDATA)) return null;
    folder = path.join(env.LOCALAPPDATA, 'startrecord-codemod', 'code-cache');
  }
  try {
    fs.mkdirSync(folder, { mode: 0o700, recursive: uid === null });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return null;
  }
  try {
    const stat = fs.lstatSync(folder);
    if (!stat.isDirectory()) return null;
    if (uid !== null && (stat.uid !== uid || (stat.mode & 0o077) !== 0)) return null;
  } catch {
    return null;
  }
  return folder;
}

export function loadBundle(file: string, folder: string | null = codeCacheFolder()): LoadedBundle {
  // The very text V8 compiles is what the key hashes (a preload may change Module.wrap).
  const wrapped = Module.wrap(fs.readFileSync(file, 'utf8'));
  const key = `${crypto.createHash('sha256').update(wrapped).digest('hex').slice(0, 32)}-${process.version}-${process.arch}`;
  const entry = (coverage: CacheCoverage) => path.join(folder!, `${key}-${coverage}.bin`);

  let cachedData: Buffer | undefined;
  let loadedCoverage: CacheCoverage | null = null;
  if (folder !== null) {
    for (const coverage of ['full', 'scan'] as const) {
      cachedData = readOwnFile(entry(coverage));
      if (cachedData) {
        loadedCoverage = coverage;
        break;
      }
    }
  }

  const script = new vm.Script(wrapped, { filename: file, cachedData });
  if (script.cachedDataRejected) loadedCoverage = null;
  const bundle = { exports: {} as any };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(bundle.exports, bundle.exports, Module.createRequire(file), bundle, file, path.dirname(file));

  return {
    exports: bundle.exports,
    loadedCoverage,
    saveCodeCache(coverage) {
      if (folder === null || (loadedCoverage !== null && (loadedCoverage === 'full' || coverage === 'scan'))) return;
      try {
        writeAtomically(entry(coverage), script.createCachedData());
        if (coverage === 'full') fs.rmSync(entry('scan'), { force: true });
        pruneFolder(folder);
      } catch {
        // A cache that cannot be written costs the next run its 100 ms, nothing more.
      }
    },
  };
}

function readOwnFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return undefined;
  }
  try {
    const stat = fs.fstatSync(fd);
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    if (!stat.isFile() || (uid !== null && stat.uid !== uid) || stat.size > 64 * 1024 * 1024) return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Entries kept: enough for a few installs or Node versions used side by side, each about 1 MB. */
const KEPT_ENTRIES = 4;
/** A temporary file this old was left by a run killed while writing. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/** Keeps the newest entries and removes what killed runs left. */
function pruneFolder(folder: string): void {
  const now = Date.now();
  const entries: Array<{ file: string; mtimeMs: number }> = [];
  for (const name of fs.readdirSync(folder)) {
    const file = path.join(folder, name);
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (!stat) continue;
    if (name.endsWith('.tmp') && now - stat.mtimeMs > STALE_TEMPORARY_MS) fs.rmSync(file, { force: true });
    else if (name.endsWith('.bin')) entries.push({ file, mtimeMs: stat.mtimeMs });
  }
  entries.sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const { file } of entries.slice(KEPT_ENTRIES)) fs.rmSync(file, { force: true });
}

function writeAtomically(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}-${crypto.randomBytes(6).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(temporary, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** Set by the pool in `workerData`; the same flag as worker-serve.ts's WORKER_FLAG (not imported: this file stays small). */
export const WORKER_FLAG = 'startrecordCodemodWorker';

// Started as a worker thread by the pool: load the bundle, which then serves migrations.
if (!isMainThread && workerData && workerData[WORKER_FLAG]) {
  loadBundle(path.join(__dirname, 'startrecord-codemod.js'));
}
