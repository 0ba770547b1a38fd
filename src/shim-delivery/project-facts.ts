import * as fs from 'fs';
import * as path from 'path';

/**
 * What the shim's delivery needs to know about the project a file belongs to: where its
 * app's code starts (the shim file goes there, once per app), whether WeChat loads that
 * code as it is (native: CommonJS) or a bundler builds it (Taro, uni-app, mpvue, WePY:
 * ES module), whether it is a TypeScript project, and its Taro version (SPEC §1, §7).
 *
 * Everything is read from the file system once per folder and cached: a run over a
 * monorepo asks the same questions for thousands of files.
 */
export interface AppRoot {
  /** The folder the app's own code starts in: the shim file is written here. */
  dir: string;
  /** `native`: WeChat loads the files as they are (CommonJS). `bundled`: a bundler builds them. */
  kind: 'native' | 'bundled';
  /** A tsconfig.json covers the app: the shim file gets its `.d.ts`. */
  typescript: boolean;
  /** The project's `@tarojs/taro` version, when it says one. */
  taroVersion?: string;
}

/** Files that mark the folder an app's code starts in, by framework. */
const APP_MARKERS = ['app.json', 'app.config.ts', 'app.config.js', 'app.jsx', 'app.tsx', 'app.wpy', 'pages.json', 'App.vue'];

/** Dependencies that mean a bundler builds the app (so the shim file is an ES module). */
const BUNDLED_BY = [/^@tarojs\//, /^mpvue$/, /^@dcloudio\//, /^wepy$/, /^@wepy\//, /^webpack$/, /^vite$/, /^kbone/, /^@vue\//, /^vue$/];

interface PackageFacts {
  dir: string;
  dependencies: Record<string, string>;
}

export class ProjectFacts {
  private readonly roots = new Map<string, AppRoot>();
  private readonly packages = new Map<string, PackageFacts | null>();
  private readonly taroVersions = new Map<string, string | undefined>();
  /** Each folder is listed once (sibling folders share all their parents): one call, not one per name asked. */
  private readonly listings = new Map<string, Set<string>>();

  private isFile(file: string): boolean {
    const dir = path.dirname(file);
    let names = this.listings.get(dir);
    if (!names) {
      try {
        names = new Set(fs.readdirSync(dir));
      } catch {
        names = new Set();
      }
      this.listings.set(dir, names);
    }
    return names.has(path.basename(file)) && isFile(file);
  }

  appRootOf(filePath: string): AppRoot {
    const start = path.dirname(path.resolve(filePath));
    const cached = this.roots.get(start);
    if (cached) return cached;
    const root = this.find(start);
    this.roots.set(start, root);
    return root;
  }

  private find(start: string): AppRoot {
    const pkg = this.packageOf(start);
    const stopAt = pkg?.dir;
    let appDir: string | null = null;
    let marker: string | null = null;
    for (let dir = start; ; dir = path.dirname(dir)) {
      marker = APP_MARKERS.find((name) => this.isFile(path.join(dir, name))) ?? null;
      // `app.js`/`app.ts` alone are Taro 1.x/2.x's entry only in a Taro project.
      if (!marker && pkg && hasDependency(pkg, /^@tarojs\/taro$/) && ['app.js', 'app.ts'].some((n) => this.isFile(path.join(dir, n)))) marker = 'app.js';
      if (marker) {
        appDir = dir;
        break;
      }
      if (dir === stopAt || path.dirname(dir) === dir) break;
    }
    if (!appDir) {
      // No marker up to the package: its `src` when the file is there, else the package
      // itself, else (no package.json) the file's own folder.
      const base = stopAt ?? start;
      const src = path.join(base, 'src');
      appDir = stopAt && isInside(start, src) ? src : base;
    }
    const bundled = pkg !== null && BUNDLED_BY.some((re) => hasDependency(pkg, re));
    // A bundled app (mpvue has an app.json too) or a bundler's app entry: an ES module.
    const kind = bundled || (marker !== null && marker !== 'app.json') ? 'bundled' : 'native';
    const typescript = [appDir, path.dirname(appDir)].some((dir) => this.isFile(path.join(dir, 'tsconfig.json')));
    const taroVersion = pkg ? this.taroVersionOf(pkg) : undefined;
    return { dir: appDir, kind, typescript, ...(taroVersion ? { taroVersion } : {}) };
  }

  /** The nearest package.json at or above `dir`. */
  private packageOf(dir: string): PackageFacts | null {
    if (this.packages.has(dir)) return this.packages.get(dir)!;
    let found: PackageFacts | null = null;
    const file = path.join(dir, 'package.json');
    if (this.isFile(file)) {
      let json: any = {};
      try {
        json = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch {
        // An unreadable package.json still marks the project's top.
      }
      found = { dir, dependencies: { ...json?.devDependencies, ...json?.dependencies } };
    } else if (path.dirname(dir) !== dir) {
      found = this.packageOf(path.dirname(dir));
    }
    this.packages.set(dir, found);
    return found;
  }

  /**
   * The installed `@tarojs/taro` (node_modules up from the package) decides; otherwise the
   * range in package.json when it pins a version before 3.3.1 or a later one. A range
   * such as `^3.0.0` can install either, and says nothing.
   */
  private taroVersionOf(pkg: PackageFacts): string | undefined {
    if (this.taroVersions.has(pkg.dir)) return this.taroVersions.get(pkg.dir);
    let version: string | undefined;
    for (let dir = pkg.dir; ; dir = path.dirname(dir)) {
      const installed = path.join(dir, 'node_modules', '@tarojs', 'taro', 'package.json');
      if (this.isFile(installed)) {
        try {
          version = String(JSON.parse(fs.readFileSync(installed, 'utf8')).version);
        } catch {
          version = undefined;
        }
        break;
      }
      if (path.dirname(dir) === dir) break;
    }
    if (!version) version = versionFromRange(pkg.dependencies['@tarojs/taro']);
    this.taroVersions.set(pkg.dir, version);
    return version;
  }
}

/** The version a dependency range stands for when every version it allows behaves alike. */
export function versionFromRange(range: string | undefined): string | undefined {
  if (!range) return undefined;
  const m = /^\s*([~^]|>=)?\s*v?(\d+)\.(\d+|x|\*)(?:\.(\d+|x|\*))?/.exec(range);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[2]), m[3], m[4]];
  if (major !== 3) return m[1] === '>=' && major < 3 ? undefined : `${major}.${/\d/.test(minor) ? minor : 0}.${patch && /\d/.test(patch) ? patch : 0}`;
  // Taro 3 changed at 3.3.1: only a range that stays on one side of it says which.
  const lower = [Number(/\d/.test(minor) ? minor : 0), Number(patch && /\d/.test(patch) ? patch : 0)];
  const atOrAfter = lower[0] > 3 || (lower[0] === 3 && lower[1] >= 1);
  if (atOrAfter) return `3.${lower[0]}.${lower[1]}`;
  const pinned = !m[1] && /\d/.test(minor) && patch !== undefined && /\d/.test(patch);
  const tilde = m[1] === '~' && /\d/.test(minor) && lower[0] < 3;
  return pinned || tilde ? `3.${lower[0]}.${lower[1]}` : undefined;
}

function hasDependency(pkg: PackageFacts, re: RegExp): boolean {
  return Object.keys(pkg.dependencies).some((name) => re.test(name));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
