import * as fs from 'fs';
import * as path from 'path';

/** The nearest folder at or above `start` holding `.git` (a folder, or a file in worktrees and submodules). */
export function findWorkTreeTop(start: string): string | null {
  let folder = start;
  for (;;) {
    if (fs.existsSync(path.join(folder, '.git'))) return folder;
    const parent = path.dirname(folder);
    if (parent === folder) return null;
    folder = parent;
  }
}
