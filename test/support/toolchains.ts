import { execFile } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript5';

/**
 * The real toolchains a migrated mini-program meets, for tests that must not take our
 * word for it:
 *
 * - `analyseMiniprogram`: WeChat's own dependency analysis (miniprogram-ci `analyseCode`),
 *   which is what the devtools and the uploader use to decide whether a `require` resolves.
 * - `packNpm`: WeChat's "build npm" (miniprogram-ci `packNpmManually`).
 * - `resolveWithWebpack`: webpack 4's and webpack 5's resolvers (enhanced-resolve 4 / 5)
 *   configured as Taro's mini-program runners configure them.
 * - `typecheckProject`: TypeScript 5 with the compiler options of Taro's project template.
 *
 * miniprogram-ci runs in a child process (test/support/miniprogram-ci-runner.js): it leaves
 * file watchers open and writes to stdout, neither of which Jest tolerates.
 */

const REPO = path.resolve(__dirname, '..', '..');
const RUNNER = path.join(__dirname, 'miniprogram-ci-runner.js');

/** The appid every analysed project is given: a well-formed id that belongs to no one. */
export const DUMMY_APPID = 'wx0000000000000000';

// ---------------------------------------------------------------------------------------
// Temporary folders

const tempDirs: string[] = [];

/** A fresh folder in the OS temp folder, removed by `removeTempDirs` (call it in afterAll). */
export function makeTempDir(prefix = 'startrecord-toolchain-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` / `makeProject` / `makeTypecheckProject` made. */
export function removeTempDirs(): void {
  // fs.rmSync unlinks symlinks without following them, so the node_modules link that
  // makeTypecheckProject plants never takes the repository's node_modules with it.
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Writes `{ 'pages/index/index.js': '...' }` under `root` (folders created as needed). */
export function writeFiles(root: string, files: Record<string, string | Buffer>): string {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** A fresh project in the OS temp folder holding `files`. */
export function makeProject(files: Record<string, string | Buffer>, prefix?: string): string {
  return writeFiles(makeTempDir(prefix), files);
}

/**
 * A fresh project for `typecheckProject`, in the OS temp folder, that sees this repository's
 * node_modules (`@tarojs/taro`, `miniprogram-api-typings`, `@types/react`, ...) the way a real
 * project sees its own: `<tmp>/node_modules` is a symlink to the repository's node_modules and
 * the project is `<tmp>/project`, so TypeScript's ordinary node_modules lookup walks up to it
 * under every moduleResolution (`exports`, `typesVersions` and all; `paths` would bypass
 * `exports`). The project may still have a node_modules of its own (a real folder) for
 * packages of the fixture; those win, as they would.
 */
export function makeTypecheckProject(files: Record<string, string | Buffer>): string {
  const base = makeTempDir('startrecord-tsc-');
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(base, 'node_modules'), 'dir');
  const project = path.join(base, 'project');
  fs.mkdirSync(project);
  return writeFiles(project, files);
}

// ---------------------------------------------------------------------------------------
// miniprogram-ci, in a child process

interface RunnerResult<T> {
  ok: boolean;
  value?: T;
  error?: string;
  ms: number;
}

async function runMiniprogramCi<T>(job: Record<string, unknown>): Promise<T> {
  const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'startrecord-mpci-')));
  try {
    const jobFile = path.join(work, 'job.json');
    const resultFile = path.join(work, 'result.json');
    const fullJob = { ...job };
    if (job.op === 'analyse') {
      // Project wants a private key; analysis never uses it, so any well-formed RSA key does.
      const { privateKey } = crypto.generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      });
      const keyFile = path.join(work, `private.${DUMMY_APPID}.key`);
      fs.writeFileSync(keyFile, privateKey, { mode: 0o600 });
      fullJob.privateKeyPath = keyFile;
      fullJob.appid = DUMMY_APPID;
    }
    fs.writeFileSync(jobFile, JSON.stringify(fullJob));
    // A plain node: nothing Jest or the caller put in NODE_OPTIONS is loaded into the runner.
    const output = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        [RUNNER, jobFile, resultFile],
        { cwd: work, timeout: 120_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: '' } },
        (error, stdout, stderr) => {
          if (error) reject(new Error(`miniprogram-ci runner failed (${error.message})\nstdout:\n${stdout}\nstderr:\n${stderr}`));
          else resolve({ stdout, stderr });
        },
      );
    });
    if (!fs.existsSync(resultFile)) {
      throw new Error(`miniprogram-ci runner wrote no result\nstdout:\n${output.stdout}\nstderr:\n${output.stderr}`);
    }
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as RunnerResult<T>;
    if (!result.ok) throw new Error(`miniprogram-ci ${String(job.op)} threw: ${result.error}\nstdout:\n${output.stdout}`);
    return result.value as T;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** One dependency WeChat's analysis could not resolve. */
export interface AnalyseFailure {
  /** What was being resolved: 'Js' for require()/import, also 'Wxs', 'Wxml', 'Wxss', 'Component', ... */
  type: string;
  /** The request exactly as written: `./util`, `startrecord-codemod/shim`, `/utils/x`. */
  request: string;
  /** The requiring module, relative to the mini-program root: `pages/index/index.js`. */
  from: string;
  /** WeChat's message: `Couldn't resolve the Js file "./x" relative to "/pages/index/index.js:3:11"`. */
  message: string;
}

export interface AnalyseResult {
  /** The require()/import requests (type 'Js') WeChat could not resolve, in report order. */
  unresolved: string[];
  /** Every dependency that failed to resolve, of any type, with WeChat's message. */
  failures: AnalyseFailure[];
  /** Module-level errors: a file that failed to parse, a require() of an expression, ... */
  moduleErrors: string[];
  /** ci.analyseCode's result as it came: `{ files, modules, compilerPlugins }`. */
  raw: unknown;
}

interface SerializedDep {
  type: string;
  request: string;
  error?: string;
}
interface SerializedModule {
  path: string;
  deps?: SerializedDep[];
  errors?: string[];
  buildError?: string;
}

/**
 * WeChat's code analysis (miniprogram-ci `analyseCode`) of a native mini-program project
 * (project.config.json, app.json, app.js, pages/...). analyseCode itself reads
 * project.config.json and analyses `miniprogramRoot` when there is one, so the paths it
 * reports are relative to that root. ~2-3 s, nearly all of it loading miniprogram-ci.
 */
export async function analyseMiniprogram(projectDir: string): Promise<AnalyseResult> {
  const raw = await runMiniprogramCi<{ modules?: SerializedModule[] } | null>({
    op: 'analyse',
    projectPath: path.resolve(projectDir),
  });
  if (!raw || !Array.isArray(raw.modules)) throw new Error(`analyseCode returned no modules: ${JSON.stringify(raw)}`);
  const failures: AnalyseFailure[] = [];
  const moduleErrors: string[] = [];
  for (const module of raw.modules) {
    for (const dep of module.deps ?? []) {
      if (dep.error) failures.push({ type: dep.type, request: dep.request, from: module.path, message: dep.error });
    }
    for (const error of module.errors ?? []) moduleErrors.push(`${module.path}: ${error}`);
    if (module.buildError) moduleErrors.push(`${module.path}: ${module.buildError}`);
  }
  return {
    unresolved: failures.filter((f) => f.type === 'Js').map((f) => f.request),
    failures,
    moduleErrors,
    raw,
  };
}

export interface PackNpmResult {
  /** Packed at least one package, threw nothing, and found every package's entry file. */
  ok: boolean;
  error?: string;
  /** Total size of the files under the produced miniprogram_npm folder (0 if none). */
  miniprogramNpmBytes: number;
  /** The produced files, relative to miniprogram_npm: `tiny-mp/index.js`. */
  files: string[];
  /** Packages copied from their `miniprogram` folder / bundled from their `main`. */
  miniProgramPackNum: number;
  otherNpmPackNum: number;
  /** packNpmManually's warnings (`msg` of each warnList entry, prefixed with its jsPath). */
  warnings: string[];
  /** Where miniprogram_npm was written. */
  miniprogramNpmDir: string;
}

export interface PackNpmOptions {
  /** Default: `<projectDir>/package.json`, else `<miniprogramRoot>/package.json`. */
  packageJsonPath?: string;
  /** The folder miniprogram_npm is created in. Default: the miniprogramRoot (else projectDir). */
  miniprogramNpmDistDir?: string;
  /** Globs (relative to the package.json folder) of package.json files to leave out. */
  ignores?: string[];
}

function miniprogramRootOf(projectDir: string): string {
  const configFile = path.join(projectDir, 'project.config.json');
  if (!fs.existsSync(configFile)) return projectDir;
  const config = JSON.parse(fs.readFileSync(configFile, 'utf8')) as { miniprogramRoot?: unknown };
  return typeof config.miniprogramRoot === 'string' && config.miniprogramRoot
    ? path.join(projectDir, config.miniprogramRoot)
    : projectDir;
}

function listFiles(dir: string, prefix = ''): { file: string; bytes: number }[] {
  if (!fs.existsSync(dir)) return [];
  const out: { file: string; bytes: number }[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(full, relative));
    else out.push({ file: relative, bytes: fs.lstatSync(full).size });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/**
 * WeChat's "build npm" (miniprogram-ci `packNpmManually`) for a native project with a
 * package.json and a node_modules, then the size of the miniprogram_npm it produced.
 * ~1.5-2.5 s, nearly all of it loading miniprogram-ci.
 */
export async function packNpm(projectDir: string, options: PackNpmOptions = {}): Promise<PackNpmResult> {
  const root = miniprogramRootOf(path.resolve(projectDir));
  const packageJsonPath =
    options.packageJsonPath ??
    [path.join(projectDir, 'package.json'), path.join(root, 'package.json')].find((p) => fs.existsSync(p)) ??
    path.join(projectDir, 'package.json');
  const distDir = path.resolve(options.miniprogramNpmDistDir ?? root);
  const miniprogramNpmDir = path.join(distDir, 'miniprogram_npm');
  const measure = () => {
    const files = listFiles(miniprogramNpmDir);
    return { files: files.map((f) => f.file), miniprogramNpmBytes: files.reduce((sum, f) => sum + f.bytes, 0) };
  };
  let value: { miniProgramPackNum: number; otherNpmPackNum: number; warnList: { jsPath?: string; msg?: string; tips?: string }[] };
  try {
    value = await runMiniprogramCi({
      op: 'packNpm',
      packageJsonPath: path.resolve(packageJsonPath),
      miniprogramNpmDistDir: distDir,
      ignores: options.ignores ?? [],
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message, miniProgramPackNum: 0, otherNpmPackNum: 0, warnings: [], miniprogramNpmDir, ...measure() };
  }
  const warnings = value.warnList.map((w) => (w.jsPath ? `${w.jsPath}: ${w.msg ?? w.tips ?? ''}` : String(w.msg ?? w.tips ?? '')));
  const missingEntries = value.warnList.filter((w) => w.tips === 'entry file is not found');
  const packed = value.miniProgramPackNum + value.otherNpmPackNum;
  const error =
    packed === 0
      ? `packNpmManually packed nothing: ${warnings.join('; ') || 'no package found'}`
      : missingEntries.length > 0
        ? `packNpmManually found no entry file: ${missingEntries.map((w) => w.jsPath).join(', ')}`
        : undefined;
  return {
    ok: error === undefined,
    ...(error === undefined ? {} : { error }),
    miniProgramPackNum: value.miniProgramPackNum,
    otherNpmPackNum: value.otherNpmPackNum,
    warnings,
    miniprogramNpmDir,
    ...measure(),
  };
}

// ---------------------------------------------------------------------------------------
// webpack 4 / 5 resolution

/**
 * What Taro's mini-program runners give webpack: both @tarojs/mini-runner (webpack 4) and
 * @tarojs/webpack5-runner use `defaultMainFields` of @tarojs/helper; target is web.
 * Taro's own extension list is ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.vue'], '.json' is
 * added here (a fully specified `./data.json` resolves either way).
 */
export const TARO_WEBPACK_RESOLVE = {
  extensions: ['.js', '.jsx', '.ts', '.tsx', '.mjs', '.json', '.vue'],
  mainFields: ['browser', 'module', 'jsnext:main', 'main'],
  aliasFields: ['browser'],
  /**
   * webpack 5 only: the conditions of an ESM import in a web-target development build, plus
   * `require`. A package's `exports` object decides between `import` and `require` by its own
   * key order (the first key listed that is in this set wins), as in webpack.
   */
  conditionNames: ['import', 'module', 'require', 'webpack', 'development', 'browser', 'default'],
};

export interface WebpackResolveOptions {
  extensions?: string[];
  mainFields?: string[];
  conditionNames?: string[];
  alias?: Record<string, string | false>;
  /** webpack 5 resolves a request starting with '/' against these first (webpack's default is [context]). */
  roots?: string[];
}

type ResolveCallback = (error: Error | null, result?: string | false) => void;
interface EnhancedResolver {
  resolve(context: object, path: string, request: string, resolveContext: object, callback: ResolveCallback): void;
}

/**
 * `request` resolved from `fromFile` as webpack `version` resolves it in a Taro mini-program
 * build: the absolute path, or null when it does not resolve (never throws for that).
 * webpack 4 knows nothing of package.json `exports`; webpack 5 honours it.
 */
export function resolveWithWebpack(
  version: 4 | 5,
  fromFile: string,
  request: string,
  options: WebpackResolveOptions = {},
): Promise<string | null> {
  const extensions = options.extensions ?? TARO_WEBPACK_RESOLVE.extensions;
  const mainFields = options.mainFields ?? TARO_WEBPACK_RESOLVE.mainFields;
  const common = {
    extensions,
    mainFields,
    aliasFields: TARO_WEBPACK_RESOLVE.aliasFields,
    mainFiles: ['index'],
    modules: ['node_modules'],
    descriptionFiles: ['package.json'],
    symlinks: true,
    alias: options.alias ?? {},
  };
  let resolver: EnhancedResolver;
  if (version === 4) {
    const er4 = require('enhanced-resolve4');
    resolver = er4.ResolverFactory.createResolver({
      ...common,
      fileSystem: new er4.CachedInputFileSystem(new er4.NodeJsInputFileSystem(), 4000),
    });
  } else if (version === 5) {
    const er5 = require('enhanced-resolve5');
    resolver = er5.ResolverFactory.createResolver({
      ...common,
      fileSystem: new er5.CachedInputFileSystem(fs, 4000),
      conditionNames: options.conditionNames ?? TARO_WEBPACK_RESOLVE.conditionNames,
      exportsFields: ['exports'],
      importsFields: ['imports'],
      roots: options.roots ?? [],
    });
  } else {
    return Promise.reject(new Error(`webpack version must be 4 or 5, not ${String(version)}`));
  }
  return new Promise((resolve) => {
    try {
      resolver.resolve({}, path.dirname(path.resolve(fromFile)), request, {}, (error, result) => {
        resolve(error || !result ? null : result);
      });
    } catch {
      resolve(null);
    }
  });
}

// ---------------------------------------------------------------------------------------
// TypeScript 5

export type TypecheckPreset = 'taro-template' | 'node16' | 'bundler';

/**
 * The compilerOptions of Taro's project template tsconfig.json (Taro 4, React; the same in
 * Taro 3.6 but for `paths`), as tsconfig JSON, with one change: `skipLibCheck: true`.
 * The template leaves it off (only its Preact variant sets it), but then @tarojs/taro 4.2's
 * own .d.ts files report some forty errors (`bool`, `CallbackResul`, missing
 * `@tarojs/components` / `vue` / platform shims) that say nothing about the project.
 * Note the template has `allowSyntheticDefaultImports` but not `esModuleInterop`.
 */
export const TARO_TEMPLATE_COMPILER_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({
  target: 'es2017',
  module: 'commonjs',
  removeComments: false,
  preserveConstEnums: true,
  moduleResolution: 'node',
  experimentalDecorators: true,
  noImplicitAny: false,
  allowSyntheticDefaultImports: true,
  outDir: 'lib',
  noUnusedLocals: true,
  noUnusedParameters: true,
  strictNullChecks: true,
  sourceMap: true,
  rootDir: '.',
  jsx: 'react-jsx',
  allowJs: true,
  resolveJsonModule: true,
  typeRoots: ['node_modules/@types'],
  paths: { '@/*': ['./src/*'] },
  skipLibCheck: true,
});

/** The tsconfig compilerOptions of a preset: Taro's template, or it with node16 / bundler resolution. */
export function compilerOptionsFor(preset: TypecheckPreset): Record<string, unknown> {
  const base = { ...TARO_TEMPLATE_COMPILER_OPTIONS };
  switch (preset) {
    case 'taro-template':
      return base;
    case 'node16':
      return { ...base, module: 'node16', moduleResolution: 'node16' };
    case 'bundler':
      return { ...base, module: 'esnext', moduleResolution: 'bundler' };
    default:
      throw new Error(`unknown compiler options preset ${String(preset)}`);
  }
}

/**
 * Type-checks `files` (absolute, or relative to `rootDir`) with TypeScript 5 as a
 * `<rootDir>/tsconfig.json` holding the preset's compilerOptions (plus `overrides`, tsconfig
 * JSON spelling, e.g. `{ types: ['miniprogram-api-typings'] }`) would. Packages are found by
 * the ordinary node_modules lookup from each file, so make the project with
 * `makeTypecheckProject` (or anywhere below a node_modules that has them).
 * Errors read `src/index.tsx(1,1): TS6133 'Taro' is declared but its value is never read.`,
 * paths relative to rootDir when inside it, in TypeScript's order (by file, then position).
 * Global types: the template's custom typeRoots stop TypeScript 5 from finding
 * `compilerOptions.types` entries in node_modules (TS2688), so give a project `wx` the way
 * a Taro project does, with `/// <reference types="miniprogram-api-typings" />` in a .d.ts.
 * ~1-2 s for a small Taro file.
 */
export function typecheckProject(
  files: string[],
  compilerOptions: TypecheckPreset,
  rootDir: string,
  overrides: Record<string, unknown> = {},
): { errors: string[] } {
  const root = path.resolve(rootDir);
  const config = ts.parseJsonConfigFileContent(
    {
      compilerOptions: { ...compilerOptionsFor(compilerOptions), ...overrides, noEmit: true },
      files: files.map((f) => path.resolve(root, f)),
    },
    ts.sys,
    root,
    undefined,
    path.join(root, 'tsconfig.json'),
  );
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const diagnostics = [...config.errors, ...ts.getPreEmitDiagnostics(program)];
  return { errors: diagnostics.map((d) => formatDiagnostic(d, root)) };
}

function formatDiagnostic(d: ts.Diagnostic, root: string): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  if (!d.file || d.start === undefined) return `TS${d.code} ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const relative = path.relative(root, d.file.fileName);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? d.file.fileName : relative.split(path.sep).join('/');
  return `${shown}(${line + 1},${character + 1}): TS${d.code} ${message}`;
}
