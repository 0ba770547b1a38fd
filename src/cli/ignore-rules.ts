import * as fs from 'fs';
import ignore, { Ignore } from 'ignore';
import * as path from 'path';
import picomatch from 'picomatch';
import { findWorkTreeTop } from './work-tree';

/** One folder's `.gitignore`: its patterns are relative to that folder. */
interface RuleFile {
  folder: string;
  rules: Ignore;
}

export interface IgnoreRulesOptions {
  /** `--ignore` globs, matched against paths relative to `cwd`. */
  globs: readonly string[];
  /** Honour `.gitignore` files (and `.git/info/exclude`). */
  gitignore: boolean;
  cwd: string;
}

/**
 * What a walk leaves out besides the fixed skip list: the project's `.gitignore` files,
 * as git reads them (each file's patterns relative to its folder, a deeper file able to
 * re-include with `!`), and the user's `--ignore` globs. The `ignore` package implements
 * git's pattern rules; `picomatch` the globs.
 *
 * Folders must be entered parent first (`enterFolder`), which a walk does anyway: each
 * folder's rule files are the parent's plus its own `.gitignore`, worked out once.
 */
export class IgnoreRules {
  private readonly chains = new Map<string, RuleFile[]>();
  private readonly matchesGlob: ((relative: string) => boolean) | null;

  constructor(private readonly options: IgnoreRulesOptions) {
    this.matchesGlob = options.globs.length > 0 ? globMatcher(options.globs) : null;
  }

  /**
   * Before walking `root`: the `.gitignore` files between the enclosing git work tree and
   * `root` apply too (running on `packages/app/src` honours the repository's root
   * `.gitignore`). A root that those rules ignore was still asked for by name: then they
   * are dropped for it.
   *
   * Returns whether anything in `root` could be ignored (see `enterFolder`).
   */
  enterRoot(root: string): boolean {
    if (this.chains.has(root)) return this.anyRuleIn(root);
    let chain: RuleFile[] = [];
    if (this.options.gitignore) {
      const top = findWorkTreeTop(root);
      if (top !== null && top !== root) {
        const exclude = readRuleFile(top, path.join(top, '.git', 'info', 'exclude'));
        if (exclude) chain.unshift(exclude);
        for (const folder of foldersBetween(top, path.dirname(root))) {
          const file = readRuleFile(folder, path.join(folder, '.gitignore'));
          if (file) chain.unshift(file);
        }
        if (ignoredBy(chain, root, true)) chain = [];
      } else if (top === root) {
        const exclude = readRuleFile(top, path.join(top, '.git', 'info', 'exclude'));
        if (exclude) chain.unshift(exclude);
      }
    }
    this.chains.set(root, this.withOwnRules(root, chain, true));
    return this.anyRuleIn(root);
  }

  /**
   * Called for each folder the walk enters below a root; `hasGitignore` comes from its
   * listing. Returns whether anything in the folder could be ignored: when not (no
   * `--ignore` glob, no `.gitignore` on the way), the walk need not ask for each entry,
   * which on a large tree without rules is most of the walk's own work.
   */
  enterFolder(folder: string, hasGitignore: boolean): boolean {
    if (!this.chains.has(folder)) {
      const inherited = this.chains.get(path.dirname(folder)) ?? [];
      this.chains.set(folder, this.withOwnRules(folder, inherited, hasGitignore));
    }
    return this.anyRuleIn(folder);
  }

  private anyRuleIn(folder: string): boolean {
    return this.matchesGlob !== null || (this.chains.get(folder) ?? []).length > 0;
  }

  /** Whether an entry of an entered folder is left out. */
  isIgnored(fullPath: string, isFolder: boolean): boolean {
    if (this.matchesGlob) {
      const relative = path.relative(this.options.cwd, fullPath).split(path.sep).join('/');
      if (this.matchesGlob(relative)) return true;
    }
    return ignoredBy(this.chains.get(path.dirname(fullPath)) ?? [], fullPath, isFolder);
  }

  private withOwnRules(folder: string, inherited: RuleFile[], hasGitignore: boolean): RuleFile[] {
    if (!this.options.gitignore || !hasGitignore) return inherited;
    const own = readRuleFile(folder, path.join(folder, '.gitignore'));
    return own ? [own, ...inherited] : inherited;
  }
}

/**
 * A glob without a slash (`*.test.js`, `legacy`) matches a file or folder name at any
 * depth, as in .gitignore; one with a slash matches the whole relative path. (picomatch's
 * own `basename` option would also apply to the globs with a slash, and break them.)
 */
function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  const byName = globs.filter((glob) => !glob.includes('/'));
  const byPath = globs.filter((glob) => glob.includes('/')).map((glob) => glob.replace(/^\.\//, ''));
  const matchName = byName.length > 0 ? picomatch(byName, { dot: true }) : () => false;
  const matchPath = byPath.length > 0 ? picomatch(byPath, { dot: true }) : () => false;
  return (relative) => matchPath(relative) || matchName(relative.slice(relative.lastIndexOf('/') + 1));
}

/** Deepest rule file first: the first one with a matching rule (ignore or `!` re-include) decides, as in git. */
function ignoredBy(chain: readonly RuleFile[], fullPath: string, isFolder: boolean): boolean {
  for (const { folder, rules } of chain) {
    const relative = path.relative(folder, fullPath).split(path.sep).join('/');
    if (relative === '' || relative.startsWith('../')) continue;
    const verdict = rules.test(isFolder ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

function readRuleFile(folder: string, file: string): RuleFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  return { folder, rules: ignore().add(text) };
}

/** `top`, then each folder down to `bottom` (both included), `bottom` being inside `top`. */
function foldersBetween(top: string, bottom: string): string[] {
  const folders: string[] = [];
  for (let folder = bottom; ; folder = path.dirname(folder)) {
    folders.unshift(folder);
    if (folder === top || path.dirname(folder) === folder) break;
  }
  return folders;
}
