import * as fs from 'fs';
import * as path from 'path';
import { IgnoreRules } from './ignore-rules';

/**
 * The extensions the migration can parse; the parser follows the extension. `.vue` (Taro
 * Vue, uni-app, mpvue) and `.wpy` (WePY) are single-file components: their script blocks
 * are migrated, the rest of the file is left as it is.
 */
export const SUPPORTED_EXTENSIONS: readonly string[] = ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.wpy'];

/**
 * Files a walk leaves out whatever their extension: TypeScript declarations (`x.d.ts`,
 * `x.d.mts`, `x.d.cts`) hold types, never calls; minified bundles (`x.min.js`, `x-min.js`)
 * are vendored libraries, not code to rewrite.
 */
export const SKIPPED_FILE_PATTERNS: readonly string[] = ['*.d.ts', '*.d.mts', '*.d.cts', '*.min.js', '*.min.mjs', '*.min.cjs', '*-min.js'];
const SKIPPED_FILE_NAME = /(\.d\.[cm]?ts|[.-]min\.[cm]?js|\.min\.[cm]?js)$/;

/**
 * Folders never walked into: installed packages (npm's and the mini-program's own npm
 * build), build output (Taro's `dist` and `.temp`, uni-app's `unpackage`), and git's store.
 * Rewriting any of them is wrong or pointless. Hidden folders are skipped too.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'miniprogram_npm', 'dist', 'build', '.temp', 'unpackage', '.git'];
const SKIPPED_FOLDER_NAMES = new Set(SKIPPED_FOLDERS);

export interface DiscoveryOptions {
  /** Extensions (with the dot) a walk takes; a subset of SUPPORTED_EXTENSIONS. Default: all of them. */
  extensions?: readonly string[];
  /** `--ignore` globs, relative to `cwd`. */
  ignore?: readonly string[];
  /** Honour `.gitignore` files; default true. */
  gitignore?: boolean;
}

export interface Discovery {
  /** Absolute real paths, sorted and without duplicates: the files to migrate. */
  files: string[];
  /** Paths given explicitly that are files but not of a supported kind (as typed). */
  unsupported: string[];
  /** Paths given that do not exist (as typed): a usage error. */
  missing: string[];
  /** Folders below a given one that could not be listed, with the reason: their files were not seen. */
  unreadable: Array<{ folder: string; error: string }>;
}

export function isSupportedFile(filePath: string): boolean {
  return SUPPORTED_EXTENSIONS.includes(path.extname(filePath));
}

/**
 * Expands the command-line paths into the files to migrate.
 *
 * A path given explicitly is always honoured (even `dist/x.js`, a hidden file, or a file
 * that `.gitignore` or `--ignore` leave out): the skip list and the ignore rules only apply
 * to what the walk finds below a given folder. The walk never follows symbolic links, so a
 * link cannot lead it out of the given folders or round in a loop, and each real file is
 * reached under one name only.
 */
export async function discoverFiles(paths: readonly string[], cwd: string, options: DiscoveryOptions = {}): Promise<Discovery> {
  const found = new Set<string>();
  const discovery: Discovery = { files: [], unsupported: [], missing: [], unreadable: [] };
  const extensions = new Set(options.extensions ?? SUPPORTED_EXTENSIONS);
  const rules = new IgnoreRules({ globs: options.ignore ?? [], gitignore: options.gitignore ?? true, cwd });

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const stat = await fs.promises.stat(absolute).catch(() => null);
    if (stat === null) {
      discovery.missing.push(given);
    } else if (stat.isDirectory()) {
      walkFolder(await fs.promises.realpath(absolute), extensions, rules, found, discovery.unreadable);
    } else if (stat.isFile() && isSupportedFile(absolute)) {
      // The real path, so that `x.js` given twice, or given and also found by a walk,
      // is migrated once.
      found.add(await fs.promises.realpath(absolute));
    } else {
      discovery.unsupported.push(given);
    }
  }

  discovery.files = [...found].sort();
  return discovery;
}

/**
 * Depth-first, with synchronous listings: one `readdirSync` per folder is several times
 * faster than the promise API on large trees, and a walk is short next to the run. Ignored
 * folders are pruned before they are listed.
 */
function walkFolder(
  root: string,
  extensions: ReadonlySet<string>,
  rules: IgnoreRules,
  found: Set<string>,
  unreadable: Discovery['unreadable'],
): void {
  const pending = [root];
  for (let folder = pending.pop(); folder !== undefined; folder = pending.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ folder, error: (error as Error).message });
      continue;
    }
    const anyRule =
      folder === root ? rules.enterRoot(root) : rules.enterFolder(folder, entries.some((entry) => entry.name === '.gitignore'));
    // A plain join: the folder is already a clean absolute path and an entry's name holds no separator.
    const prefix = folder.endsWith(path.sep) ? folder : folder + path.sep;

    for (const entry of entries) {
      // Hidden files and folders (.vscode, .husky, editors' backups) hold no app code.
      if (entry.name.startsWith('.')) continue;
      const full = prefix + entry.name;
      // Dirent types come from the listing itself (lstat semantics): a symbolic link is
      // neither a folder nor a file here, so it is never followed. FIFOs and devices are
      // skipped the same way, so nothing can block the read.
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER_NAMES.has(entry.name) && !(anyRule && rules.isIgnored(full, true))) pending.push(full);
      } else if (entry.isFile()) {
        if (extensions.has(path.extname(entry.name)) && !SKIPPED_FILE_NAME.test(entry.name) && !(anyRule && rules.isIgnored(full, false))) {
          found.add(full);
        }
      }
    }
  }
}
