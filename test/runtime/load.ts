/**
 * Loads one app source file into a simulated host.
 *
 * The file is compiled with TypeScript's `transpileModule` (no type checking) to
 * CommonJS, target ES2016, so that:
 * - TS, TSX, JSX and ES modules all run;
 * - `async` functions become `__awaiter(..., Promise, ...)` calls that use the app's
 *   global `Promise`, i.e. the host's tracked Promise (rejections.ts): every promise the
 *   app makes is visible to the unhandled-rejection check;
 * - JSX becomes `__jsx(type, props, ...children)` calls to a createElement that keeps
 *   props, so the driver can find event handlers in what a component renders.
 * Comments are kept: the driver classifies handlers by their source text.
 *
 * The code runs in its own `vm` context whose globals are the host's: `wx`, `qq`,
 * `swan`, `Page`, `Component`, `App`, `getApp`, a traced `console`, the fake clock's
 * timers and `Date`, and the tracked `Promise`. `require` knows '@tarojs/taro', 'react'
 * and '@tarojs/components' (the host's fakes), 'vue', 'vuex', '@dcloudio/uni-app'
 * (vue-lite.ts), 'wepy', '@wepy/core' and 'wepy-redux' (wepy-lite.ts); style sheets are
 * empty modules; anything else throws a clear error.
 *
 * Single-file components (`.vue`, `.wpy`; sfc.ts says what is supported): the `<script>`
 * block runs as the module; a `<script setup>` block is compiled at load but runs per
 * component instance (`LoadedApp.sfc.setup.run`, called by the driver), as Vue's setup()
 * does. In `.vue` files the global `uni` is uni-app's API object on a WeChat build: `wx`'s
 * APIs, without `startRecord`/`stopRecord` (uni-app never had them).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as vm from 'vm';
import type { Host } from './host';
import { createElement, Fragment } from './react-lite';
import { isSfcFile, SETUP_FUNCTIONS_EXPORT, SfcError, sfcScripts } from './sfc';
import { createVueLite, SETUP_MACROS, VueLite } from './vue-lite';
import { createWepyLite, WepyKind, WepyLite } from './wepy-lite';

/** Modules a runnable program may require; the simulation provides fakes for them. */
export const PROVIDED_MODULES: readonly string[] = [
  '@tarojs/taro',
  'react',
  '@tarojs/components',
  'vue',
  'vuex',
  '@dcloudio/uni-app',
  'wepy',
  '@wepy/core',
  'wepy-redux',
  'startrecord-codemod/shim',
  './startrecord-shim',
  'startrecord-codemod-shim',
];

/**
 * The runtime shim that shimmed outputs import: the real source (shim/src/index.ts), run
 * in the same host, so its timers are the fake clock and its `wx` the host's. One
 * instance per host, as one per mini program.
 */
const REPO = path.join(__dirname, '..', '..');
/**
 * Each import loads what the app really gets: the file the CLI writes into apps for a
 * relative `./startrecord-shim` (its CommonJS build, as native apps get it), the package's
 * `main` for `startrecord-codemod-shim`, and the source for the old module path. The
 * builds come from `npm run build` (run by `npm ci`); without them, the source stands in.
 */
const SHIM_FILES: Record<string, string[]> = {
  './startrecord-shim': [path.join(REPO, 'dist', 'shim-files', 'startrecord-shim.cjs.js')],
  'startrecord-codemod-shim': [path.join(REPO, 'shim', 'dist', 'index.js')],
  'startrecord-codemod/shim': [],
};
const SHIM_SOURCE_FILE = path.join(REPO, 'shim', 'src', 'index.ts');
const shimInstances = new WeakMap<Host, Map<string, unknown>>();

/** One instance per entry and host, as one copy per file in a mini program (they share their state). */
function shimFor(host: Host, id: string): unknown {
  const perHost = shimInstances.get(host) ?? new Map<string, unknown>();
  shimInstances.set(host, perHost);
  let shim = perHost.get(id);
  if (shim === undefined) {
    const file = [...(SHIM_FILES[id] ?? []), SHIM_SOURCE_FILE].find((f) => fs.existsSync(f))!;
    shim = loadApp(fs.readFileSync(file, 'utf8'), file, host).exports;
    perHost.set(id, shim);
  }
  return shim;
}

/** Style sheets (`import './index.scss'` in Taro pages) load as empty modules: no behaviour. */
const STYLE_SHEET = /\.(?:css|scss|sass|less|styl|stylus|wxss)$/;

/** The app's own modules (`./x`, `../../utils/util.js`): traced stand-ins, see Host.appModule. */
// Relative paths, and the `@/` alias Taro, uni-app and mpvue projects point at their src/.
const APP_MODULE = /^(?:\.{1,2}\/|@\/)/;

/** Can a program that requires `id` run in the simulation? */
export function isProvidedModule(id: string): boolean {
  return PROVIDED_MODULES.includes(id) || STYLE_SHEET.test(id) || APP_MODULE.test(id);
}

/** Extensions the loader can compile. */
export const LOADABLE_EXTENSIONS: readonly string[] = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts', 'vue', 'wpy'];

/** The `<script setup>` block of a loaded single-file component. */
export interface LoadedSetup {
  /** Its top-level functions (the template's handlers), in source order. */
  functions: string[];
  /**
   * Runs the block's body for one component instance, with the compiler macros given in
   * SETUP_MACROS order (VueLite.macros); returns its top-level functions by name.
   * Exceptions propagate (the driver traces them).
   */
  run(macros: unknown[]): Record<string, unknown>;
}

export interface LoadedApp {
  filename: string;
  /** Configs passed to `Page(...)`, in call order. */
  pages: Record<string, unknown>[];
  /** Configs passed to `Component(...)`, in call order. */
  components: Record<string, unknown>[];
  /** Config passed to `App(...)`, if any. */
  app: Record<string, unknown> | undefined;
  /** `module.exports` after the module ran. */
  exports: unknown;
  /** Options passed to `wepy.page(...)` / `wepy.component(...)` (WePY 2), in call order. */
  wepy: Array<{ kind: WepyKind; config: Record<string, unknown> }>;
  /** For `.vue`/`.wpy` files: what the component's script blocks gave. */
  sfc: { setup: LoadedSetup | undefined } | undefined;
  /** The framework fakes this program was given (the driver needs the same ones). */
  vue: VueLite;
  wepyLite: WepyLite;
}

export class LoadError extends Error {
  constructor(filename: string, message: string) {
    super(`${filename}: ${message}`);
    this.name = 'LoadError';
  }
}

const compiled = new Map<string, string>();

/** The CommonJS program the app runs as (cached per source and file name). */
export function transpile(code: string, filename: string): string {
  const key = `${filename}\0${code}`;
  let out = compiled.get(key);
  if (out === undefined) {
    const result = ts.transpileModule(code, {
      // `.mjs`/`.mts` would make TypeScript keep ES module syntax whatever `module` says;
      // the loader runs everything as CommonJS.
      fileName: filename.replace(/\.m([jt]s)$|\.c([jt]s)$/, (_m, a, b) => `.${a ?? b}`),
      reportDiagnostics: true,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2016,
        jsx: ts.JsxEmit.React,
        jsxFactory: '__jsx',
        jsxFragmentFactory: '__Fragment',
        esModuleInterop: true,
        allowJs: true,
        experimentalDecorators: true,
        removeComments: false,
      },
    });
    const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
    if (errors.length > 0) {
      throw new LoadError(filename, `does not compile: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`);
    }
    out = result.outputText;
    compiled.set(key, out);
  }
  return out;
}

/**
 * Module names a source file imports or requires (static imports, `require('x')`,
 * dynamic `import('x')`), plus `plugin:<name>` for `requirePlugin('name')`. With the file
 * name of a single-file component, only its script blocks are read (none if it cannot be
 * read: loading it then fails with the reason).
 */
export function requiredModules(code: string, filename?: string): string[] {
  if (filename !== undefined && isSfcFile(filename)) {
    try {
      code = sfcScripts(code, filename).text;
    } catch {
      return [];
    }
  }
  const info = ts.preProcessFile(code, true, true);
  const names = info.importedFiles.map((f) => f.fileName);
  for (const m of code.matchAll(/\brequirePlugin\s*\(\s*['"]([^'"]+)['"]/g)) names.push(`plugin:${m[1]}`);
  return [...new Set(names)];
}

export function loadApp(code: string, filename: string, host: Host): LoadedApp {
  let sfc: ReturnType<typeof sfcScripts> | undefined;
  if (isSfcFile(filename)) {
    try {
      sfc = sfcScripts(code, filename);
    } catch (e) {
      if (e instanceof SfcError) throw new LoadError(filename, e.message);
      throw e;
    }
  }
  // Compiled first: a block that does not compile fails before any app code runs.
  const js = sfc ? (sfc.script ? transpile(sfc.script.code, sfc.script.virtualName) : '') : transpile(code, filename);
  const setupJs = sfc?.setup ? transpile(sfc.setup.code, sfc.setup.virtualName) : undefined;
  const wepyRegistrations: LoadedApp['wepy'] = [];
  const vue = createVueLite(host.env, host.hooks);
  const wepyLite = createWepyLite(host.env, host.wx, (kind, config) => void wepyRegistrations.push({ kind, config }));
  const loaded: LoadedApp = {
    filename,
    pages: [],
    components: [],
    app: undefined,
    exports: {},
    wepy: wepyRegistrations,
    sfc: sfc ? { setup: undefined } : undefined,
    vue,
    wepyLite,
  };
  const appInstance: Record<string, unknown> = { globalData: {} };

  const register =
    (list: Record<string, unknown>[], what: string) =>
    (config: unknown): void => {
      if (typeof config !== 'object' || config === null) throw new TypeError(`${what}() expects an options object`);
      list.push(config as Record<string, unknown>);
    };

  const globals: Record<string, unknown> = {
    wx: host.wx,
    qq: host.qq,
    swan: host.swan,
    Page: register(loaded.pages, 'Page'),
    Component: register(loaded.components, 'Component'),
    Behavior: (config: unknown) => config,
    App: (config: unknown) => {
      loaded.app = config as Record<string, unknown>;
      Object.assign(appInstance, config);
    },
    getApp: () => appInstance,
    getCurrentPages: () => [],
    requirePlugin: (name: unknown) => {
      throw new LoadError(filename, `requirePlugin('${String(name)}'): plugins are not simulated`);
    },
    console: tracedConsole(host),
    setTimeout: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
      host.clock.setTimeout(asCallback(fn), ms, ...args),
    clearTimeout: (id?: unknown) => host.clock.clearTimeout(id),
    setInterval: (fn: unknown, ms?: unknown, ...args: unknown[]) =>
      host.clock.setInterval(asCallback(fn), ms, ...args),
    clearInterval: (id?: unknown) => host.clock.clearInterval(id),
    Date: fakeDate(() => EPOCH + host.clock.now()),
    Promise: host.Promise,
    process: { env: { TARO_ENV: 'weapp', NODE_ENV: 'production' } },
    __jsx: createElement,
    __Fragment: Fragment,
  };
  if (path.extname(filename).toLowerCase() === '.vue') globals.uni = uniApi(host.wx);
  const context = vm.createContext(globals, { name: filename });

  const module = { exports: {} as unknown };
  const requireFn = (id: unknown): unknown => {
    switch (id) {
      case '@tarojs/taro':
        return host.taro;
      case 'react':
        return host.react;
      case '@tarojs/components':
        return host.components;
      case 'vue':
        return vue.vue;
      case 'vuex':
        return vue.vuex;
      case '@dcloudio/uni-app':
        return vue.uniApp;
      case 'wepy':
        return wepyLite.wepy;
      case '@wepy/core':
        return wepyLite.wepyCore;
      case 'wepy-redux':
        return wepyLite.wepyRedux;
      case 'startrecord-codemod/shim':
      case './startrecord-shim':
      case 'startrecord-codemod-shim':
        return shimFor(host, id);
      default:
        if (typeof id === 'string' && STYLE_SHEET.test(id)) return {};
        if (typeof id === 'string' && APP_MODULE.test(id)) return host.appModule(id);
        throw new LoadError(
          filename,
          `requires '${String(id)}', which the simulated runtime does not provide (only ${PROVIDED_MODULES.join(', ')})`,
        );
    }
  };
  const params = 'exports, require, module, __filename, __dirname';
  const wrapper = `(function (${params}) {${js}\n})`;
  const fn = vm.runInContext(wrapper, context, { filename }) as (...args: unknown[]) => void;
  let setupFn: ((...args: unknown[]) => void) | undefined;
  if (setupJs !== undefined) {
    const setupWrapper = `(function (${params}, ${SETUP_MACROS.join(', ')}) {${setupJs}\n})`;
    setupFn = vm.runInContext(setupWrapper, context, { filename: `${filename} <script setup>` }) as typeof setupFn;
  }
  fn.call(module.exports, module.exports, requireFn, module, filename, path.dirname(filename));
  loaded.exports = module.exports;
  if (setupFn && loaded.sfc && sfc?.setup) {
    const run = setupFn;
    loaded.sfc.setup = {
      functions: [...sfc.setup.functions],
      run(macros) {
        const setupModule = { exports: {} as Record<string, unknown> };
        run.call(setupModule.exports, setupModule.exports, requireFn, setupModule, filename, path.dirname(filename), ...macros);
        return (setupModule.exports[SETUP_FUNCTIONS_EXPORT] ?? {}) as Record<string, unknown>;
      },
    };
  }
  return loaded;
}

/** uni-app's `uni` on a WeChat build: `wx`'s APIs, but uni-app never had startRecord/stopRecord. */
function uniApi(wx: Record<string, unknown>): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_target, prop) {
      if (typeof prop !== 'string' || prop === 'startRecord' || prop === 'stopRecord') return undefined;
      return wx[prop];
    },
  });
}

/** Fixed epoch of the app's clock (2024-01-01T00:00:00Z); `Date.now()` adds fake time. */
export const EPOCH = Date.UTC(2024, 0, 1);

function asCallback(fn: unknown): (...args: unknown[]) => unknown {
  if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
  return fn as (...args: unknown[]) => unknown;
}

/** `console` whose every method lands in the trace (level = method name). */
function tracedConsole(host: Host): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_target, level) {
      if (typeof level !== 'string') return undefined;
      return (...args: unknown[]) => host.trace.console(level, args);
    },
  });
}

/** `Date` on the fake clock: `new Date()` and `Date.now()` read it; other forms are real. */
function fakeDate(now: () => number): DateConstructor {
  const RealDate = Date;
  class FakeDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(now());
      else super(...(args as [string | number]));
    }
    static override now(): number {
      return now();
    }
  }
  return FakeDate as unknown as DateConstructor;
}
