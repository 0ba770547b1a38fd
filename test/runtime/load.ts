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
 * and '@tarojs/components' (the host's fakes), style sheets are empty modules; anything
 * else throws a clear error.
 */
import * as path from 'path';
import * as ts from 'typescript';
import * as vm from 'vm';
import type { Host } from './host';
import { createElement, Fragment } from './react-lite';

/** Modules a runnable program may require; the simulation provides fakes for them. */
export const PROVIDED_MODULES: readonly string[] = ['@tarojs/taro', 'react', '@tarojs/components'];

/** Style sheets (`import './index.scss'` in Taro pages) load as empty modules: no behaviour. */
const STYLE_SHEET = /\.(?:css|scss|sass|less|styl|stylus|wxss)$/;

/** The app's own modules (`./x`, `../../utils/util.js`): traced stand-ins, see Host.appModule. */
const APP_MODULE = /^\.{1,2}\//;

/** Can a program that requires `id` run in the simulation? */
export function isProvidedModule(id: string): boolean {
  return PROVIDED_MODULES.includes(id) || STYLE_SHEET.test(id) || APP_MODULE.test(id);
}

/** Extensions the loader can compile. */
export const LOADABLE_EXTENSIONS: readonly string[] = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs'];

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
 * dynamic `import('x')`), plus `plugin:<name>` for `requirePlugin('name')`.
 */
export function requiredModules(code: string): string[] {
  const info = ts.preProcessFile(code, true, true);
  const names = info.importedFiles.map((f) => f.fileName);
  for (const m of code.matchAll(/\brequirePlugin\s*\(\s*['"]([^'"]+)['"]/g)) names.push(`plugin:${m[1]}`);
  return [...new Set(names)];
}

export function loadApp(code: string, filename: string, host: Host): LoadedApp {
  const js = transpile(code, filename);
  const loaded: LoadedApp = { filename, pages: [], components: [], app: undefined, exports: {} };
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
      default:
        if (typeof id === 'string' && STYLE_SHEET.test(id)) return {};
        if (typeof id === 'string' && APP_MODULE.test(id)) return host.appModule(id);
        throw new LoadError(
          filename,
          `requires '${String(id)}', which the simulated runtime does not provide (only ${PROVIDED_MODULES.join(', ')})`,
        );
    }
  };
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${js}\n})`;
  const fn = vm.runInContext(wrapper, context, { filename }) as (...args: unknown[]) => void;
  fn.call(module.exports, module.exports, requireFn, module, filename, path.dirname(filename));
  loaded.exports = module.exports;
  return loaded;
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
