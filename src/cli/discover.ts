import fg from 'fast-glob';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The extensions the migration can parse; the parser follows the extension. `.vue` (Taro
 * Vue, uni-app, mpvue) and `.wpy` (WePY) are single-file components: their script blocks
 * are migrated, the rest of the file is left as it is.
 */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.wpy'];

/**
 * TypeScript declaration files (`x.d.ts`, `x.d.mts`, `x.d.cts`) hold types, never calls:
 * the walk leaves them out (a declaration file given explicitly is still honoured).
 */
export const SKIPPED_FILE_PATTERNS: readonly string[] = ['*.d.ts', '*.d.mts', '*.d.cts'];

/**
 * Folders never walked into: installed packages (npm's and the mini-program's own npm
 * build), build output, and git's store. Rewriting any of them is wrong or pointless.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'miniprogram_npm', 'dist', 'build', '.git'];

export interface Discovery {
  /** Absolute real paths, sorted and without duplicates: the files to migrate. */
  files: string[];
  /** Paths given explicitly that are files but not of a supported kind (as typed). */
  unsupported: string[];
  /** Paths given that do not exist (as typed): a usage error. */
  missing: string[];
}

export function isSupportedFile(filePath: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(filePath));
}

/**
 * Expands the command-line paths into the files to migrate.
 *
 * A path given explicitly is always honoured (even `dist/x.js` or a hidden file): the skip
 * list only applies to what the walk finds below a given folder. The walk does not follow
 * symbolic links, so linked package folders are not entered and each real file is reached
 * under one name only.
 */
export async function discoverFiles(paths: readonly string[], cwd: string): Promise<Discovery> {
  const found = new Set<string>();
  const unsupported: string[] = [];
  const missing: string[] = [];

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.promises.stat(absolute).catch(() => null);
    if (stat === null) {
      missing.push(given);
    } else if (stat.isDirectory()) {
      for (const file of await walkFolder(absolute)) found.add(file);
    } else if (stat.isFile() && isSupportedFile(absolute)) {
      // The real path, so that `x.js` given twice, or given and also found by a walk,
      // is migrated once.
      found.add(await fs.promises.realpath(absolute));
    } else {
      unsupported.push(given);
    }
  }

  return { files: [...found].sort(), unsupported, missing };
}

async function walkFolder(folder: string): Promise<string[]> {
  const extensions = SUPPORTED_EXTENSIONS.map((ext) => ext.slice(1)).join(',');
  const root = await fs.promises.realpath(folder);
  const files = await fg(`**/*.{${extensions}}`, {
    cwd: root,
    absolute: true,
    onlyFiles: true,
    // Hidden files and folders (.vscode, .husky, Taro's .temp, ...) hold no app code.
    dot: false,
    followSymbolicLinks: false,
    // `/**` lets fast-glob prune the whole folder instead of filtering its files.
    ignore: [...SKIPPED_FOLDERS.map((name) => `**/${name}/**`), ...SKIPPED_FILE_PATTERNS.map((pattern) => `**/${pattern}`)],
  });
  // fast-glob answers with forward slashes on every platform.
  return files.map((file) => path.resolve(file));
}
