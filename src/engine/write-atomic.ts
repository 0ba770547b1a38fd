import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** Thrown when the file on disk is no longer the text the new content was computed from. */
export class ChangedOnDiskError extends Error {
  constructor() {
    super('the file changed on disk while the codemod ran');
    this.name = 'ChangedOnDiskError';
  }
}

export interface AtomicWriteOptions {
  /**
   * The bytes the new content was computed from. Checked after the new content is safely
   * on disk and right before the rename, so that an edit saved by an editor or a
   * formatter during the run is never overwritten.
   */
  expectedContent?: Buffer;
  /**
   * Aborted when the run is abandoned (a second Ctrl-C): a write not yet renamed stops and
   * removes its temporary file, so the file keeps its old text and nothing stray is left.
   */
  signal?: AbortSignal;
}

/** Thrown by writes still in progress when the run is abandoned: the file keeps its old text. */
export class WriteAbandonedError extends Error {
  constructor() {
    super('the run was abandoned before this file was written');
    this.name = 'WriteAbandonedError';
  }
}

/** Temporary files of writes in progress, so that an abandoned run can remove them. */
const inFlight = new Set<string>();

/**
 * Replaces the content of an existing file so that, whatever happens (a crash, a full disk,
 * Ctrl-C), the file holds either its old content or its new content, never a mix: the new
 * content goes to a temporary file in the same folder (a rename is only atomic within one
 * file system) which is then renamed over the original.
 *
 * The file keeps its permission bits (an executable script stays executable) and, when we
 * are allowed to, its owner. On failure the temporary file is removed and the original is
 * left as it was.
 */
export async function writeFileAtomic(filePath: string, content: string, options: AtomicWriteOptions = {}): Promise<void> {
  // Renaming over a symbolic link would replace the link with a plain file; write through
  // it to the file it points at instead.
  const target = await fs.promises.realpath(filePath);
  const original = await fs.promises.stat(target);
  const mode = original.mode & 0o7777;
  const temporary = temporaryPathFor(target);

  if (options.signal?.aborted) throw new WriteAbandonedError();
  inFlight.add(temporary);
  try {
    const handle = await fs.promises.open(temporary, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      // `open` applies the umask to `mode`; set the exact bits of the original.
      await handle.chmod(mode);
      await keepOwner(handle, original);
      // Flush before the rename so that a crash cannot leave an empty file under the real name.
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expectedContent && !(await fs.promises.readFile(target)).equals(options.expectedContent)) {
      throw new ChangedOnDiskError();
    }
    // The last moment to give up: after the rename the file holds its complete new text.
    if (options.signal?.aborted) throw new WriteAbandonedError();
    await fs.promises.rename(temporary, target);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    inFlight.delete(temporary);
  }
}

/**
 * The last resort when writes do not stop in time, right before the process exits: removes
 * the temporary files of the writes still in progress. Their originals are intact, since
 * the rename that would replace them has not happened.
 */
export function removeTemporaryFilesNow(): void {
  for (const temporary of inFlight) {
    try {
      fs.rmSync(temporary, { force: true });
    } catch {
      // Best effort: the process is exiting, and the name says what the file is.
    }
  }
  inFlight.clear();
}

/** Hidden, unique, and named after us so that a leftover after a power cut is recognisable. */
function temporaryPathFor(target: string): string {
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${unique}.startrecord-codemod.tmp`);
}

/** Only matters when run as another user (e.g. root in a container); never fails the write. */
async function keepOwner(handle: fs.promises.FileHandle, original: fs.Stats): Promise<void> {
  if (typeof process.getuid !== 'function') return;
  if (process.getuid() === original.uid && process.getgid?.() === original.gid) return;
  await handle.chown(original.uid, original.gid).catch(() => undefined);
}
