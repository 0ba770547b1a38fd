import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { mentionsLegacyApi } from '../engine/legacy-names';
import { isOurShimFile } from '../shim-delivery/shim-file';
import { findWorkTreeTop } from './work-tree';

export interface DirtyFile {
  /** Absolute path, as discovery gave it. */
  filePath: string;
  state: 'modified' | 'untracked';
}

export type GateVerdict =
  | { kind: 'clean' }
  | { kind: 'dirty'; files: DirtyFile[] }
  /** Inside a work tree, but git could not answer (not installed, broken repository). */
  | { kind: 'unknown'; reason: string };

/**
 * Which of the files about to be rewritten have changes git could not give back: modified
 * (staged or not) or untracked. Rewriting them in place would mix the codemod's edits with
 * the user's, or make them unrecoverable. Files outside any work tree are not gated (there
 * is nothing to check against); the tool's own dry run needs no gate at all.
 *
 * Only files that mention the API count: the others are never written. So a second run
 * right after a first one, over files the first run converted, is not refused.
 *
 * Git is asked once per work tree, only about the files concerned. It runs with optional
 * locks off (status does not rewrite the index of a repository in use) and with
 * `core.fsmonitor` off, so that no program configured in the repository is started: the
 * codemod never runs project code.
 */
/**
 * Tells a file whose only change is this tool's own: its text is exactly what the
 * migration makes of the committed version. A run stopped by Ctrl-C, or run twice without
 * a commit in between, must be allowed to finish over its own output.
 */
export type OwnOutputTest = (filePath: string, committed: string, current: string) => boolean;

export async function checkUncommittedChanges(files: readonly string[], isOwnOutput?: OwnOutputTest): Promise<GateVerdict> {
  const byTop = new Map<string, string[]>();
  const topOfFolder = new Map<string, string | null>();
  for (const file of files) {
    const folder = path.dirname(file);
    if (!topOfFolder.has(folder)) topOfFolder.set(folder, findWorkTreeTop(folder));
    const top = topOfFolder.get(folder);
    if (top === null || top === undefined) continue;
    const list = byTop.get(top) ?? [];
    list.push(file);
    byTop.set(top, list);
  }

  const dirty: DirtyFile[] = [];
  for (const [top, inTree] of byTop) {
    let entries: StatusEntry[];
    try {
      entries = await gitStatus(top, inTree);
    } catch (error) {
      return { kind: 'unknown', reason: `git could not tell whether ${top} has uncommitted changes (${(error as Error).message})` };
    }
    for (const file of matchFiles(top, inTree, entries)) {
      if (!couldBeRewritten(file.filePath)) continue;
      // The shim file the tool wrote (untracked, and it names startRecord).
      if (file.state === 'untracked' && isOurShimFile(file.filePath)) continue;
      if (file.state === 'modified' && isOwnOutput && (await onlyOwnChanges(top, file.filePath, isOwnOutput))) continue;
      dirty.push(file);
    }
  }
  return dirty.length > 0 ? { kind: 'dirty', files: dirty.sort((a, b) => a.filePath.localeCompare(b.filePath)) } : { kind: 'clean' };
}

interface StatusEntry {
  /** Relative to the work tree top, with forward slashes; a folder ends with `/`. */
  path: string;
  state: DirtyFile['state'];
}

/** Pathspecs per git call: a large tree would otherwise pass the system's argument limit. */
const PATHSPECS_PER_CALL = 200;

async function gitStatus(top: string, files: readonly string[]): Promise<StatusEntry[]> {
  // The folders that hold the files, not the files: far fewer, and the answer is matched
  // against the files afterwards anyway.
  const folders = outermostFolders(files.map((file) => path.relative(top, path.dirname(file)).split(path.sep).join('/')));
  const entries: StatusEntry[] = [];
  for (let i = 0; i < folders.length; i += PATHSPECS_PER_CALL) {
    entries.push(...parsePorcelain(await runGitStatus(top, folders.slice(i, i + PATHSPECS_PER_CALL))));
  }
  return entries;
}

/** Drops every folder inside another one of the list; the work tree's top is `.`. */
function outermostFolders(folders: string[]): string[] {
  const unique = [...new Set(folders.map((folder) => folder || '.'))].sort();
  if (unique.includes('.')) return ['.'];
  const kept: string[] = [];
  for (const folder of unique) {
    if (!kept.some((outer) => folder.startsWith(`${outer}/`))) kept.push(folder);
  }
  return kept;
}

function runGitStatus(top: string, pathspecs: string[]): Promise<string> {
  return runGit(top, ['-c', 'core.fsmonitor=false', 'status', '--porcelain=v1', '-z', '--no-renames', '--untracked-files=normal', '--', ...pathspecs]);
}

/** The committed text (HEAD) against the text on disk; any doubt counts as a change of the user's. */
async function onlyOwnChanges(top: string, file: string, isOwnOutput: OwnOutputTest): Promise<boolean> {
  try {
    const relative = path.relative(top, file).split(path.sep).join('/');
    const committed = await runGit(top, ['-c', 'core.fsmonitor=false', 'show', `HEAD:${relative}`]);
    return isOwnOutput(file, committed, fs.readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

/** Git in the work tree, its output as text; a failure carries git's own message. */
function runGit(top: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd: top,
        // Literal pathspecs: a folder named `[id]` (dynamic routes) is not a glob. No
        // optional locks: status does not rewrite the index of a repository in use.
        env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1' },
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) resolve(stdout);
        else if ((error as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('git is not installed'));
        else reject(new Error(String(stderr).trim() || error.message));
      },
    );
  });
}

/** Only the few dirty files are read here; one that cannot be read counts, to be safe. */
function couldBeRewritten(file: string): boolean {
  try {
    return mentionsLegacyApi(fs.readFileSync(file));
  } catch {
    return true;
  }
}

/** `XY path\0` records; untracked files are `??`, everything else is some kind of change. */
export function parsePorcelain(output: string): StatusEntry[] {
  return output
    .split('\0')
    .filter((record) => record.length > 3)
    .map((record) => ({ path: record.slice(3), state: record.startsWith('??') ? 'untracked' : 'modified' }));
}

function matchFiles(top: string, files: readonly string[], entries: StatusEntry[]): DirtyFile[] {
  const exact = new Map(entries.map((entry) => [entry.path, entry.state]));
  // An untracked folder is listed once, as `dir/`.
  const folders = entries.filter((entry) => entry.path.endsWith('/'));
  const dirty: DirtyFile[] = [];
  for (const file of files) {
    const relative = path.relative(top, file).split(path.sep).join('/');
    const state = exact.get(relative) ?? folders.find((entry) => relative.startsWith(entry.path))?.state;
    if (state) dirty.push({ filePath: file, state });
  }
  return dirty;
}
