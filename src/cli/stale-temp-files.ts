import * as fs from 'fs';
import * as path from 'path';

/**
 * Temporary files a killed run left (`.<name>.<pid>-<hex>.startrecord-codemod.tmp`, see
 * engine/write-atomic.ts, and the shim file's): removed at the start of the next real run
 * when the process that wrote them is gone, and named in the output. A file of a run still
 * going on (its process alive) is left alone.
 */
const TEMP_FILE = /^\..+\.(\d+)(?:-[0-9a-f]+)?\.startrecord-codemod\.tmp$/;

export function removeStaleTempFiles(folders: Iterable<string>): string[] {
  const removed: string[] = [];
  for (const folder of new Set(folders)) {
    let names: string[];
    try {
      names = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_FILE.exec(name);
      if (!m || processIsAlive(Number(m[1]))) continue;
      const file = path.join(folder, name);
      try {
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Not ours to insist on: it stays, and the next run tries again.
      }
    }
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
