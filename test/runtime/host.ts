/**
 * A simulated mini-program host: the `wx` (and `qq`, `swan`) objects, a fake
 * `@tarojs/taro`, React bits, a fake clock and the trace, wired together.
 *
 * The recording APIs follow SPEC §1-2 (old-api.ts, recorder-manager.ts). Playback
 * (`playVoice`, `pauseVoice`, `stopVoice`, `createInnerAudioContext`) follows SPEC §8
 * (voice.ts): those calls are not traced, what they make audible is ('sound' entries),
 * so a page that plays its recording back sounds the same, or not, before and after the
 * migration. Every other `wx.X(...)` is traced with its arguments and answers something
 * harmless, so apps that toast or upload around their recording code run unchanged:
 * - `...Sync` APIs return a neutral value, `canIUse` returns true, `onX`/`offX`
 *   subscriptions are accepted and never fire;
 * - `createX()` returns a traced object (method calls and property assignments land in
 *   the trace);
 * - everything else is an async API: `success` then `complete` after ACK_DELAY_MS with
 *   `{ errMsg: 'X:ok', ...}`, or, with no callbacks, a Promise (base library >= 2.10.2).
 *   `authorize` for scope.record fails when permission is denied, and `getSetting`
 *   reports it, so apps that check first behave consistently.
 */
import { drainMicrotasks, FakeClock } from './clock';
import {
  hasCallbacks,
  HostOptions,
  isObject,
  NativeEnv,
  resolveHostOptions,
  ResolvedHostOptions,
  TempFiles,
  TIMING,
} from './native';
import { OldRecordApi } from './old-api';
import { createReactLite, HookDispatcher, ReactLite } from './react-lite';
import { FakeRecorderManager } from './recorder-manager';
import { createRejectionTracker } from './rejections';
import { toJson, Trace } from './trace';
import { FakeInnerAudioContext, OldVoiceApi } from './voice';
import { taroPlayVoiceAlwaysPromise, taroStartRecordAlwaysPromise } from '../../src/migrate/taro-version';

export type { HostOptions } from './native';

export type HostName = 'wx' | 'qq' | 'swan';

/** How often the app used each recording API (summed over wx, qq and swan). */
export interface Usage {
  startRecord: number;
  stopRecord: number;
  /** startRecord + stopRecord. */
  oldApiCalls: number;
  getRecorderManagerCalls: number;
}
export const HOST_NAMES: readonly HostName[] = ['wx', 'qq', 'swan'];

/** One host API object (`wx`) and the recording back-ends behind it. */
export interface ApiHost {
  readonly name: HostName;
  /** The Proxy the app sees as `wx`. */
  readonly api: Record<string, unknown>;
  readonly oldApi: OldRecordApi;
  readonly manager: FakeRecorderManager;
  /** How many times the app called getRecorderManager(). */
  getRecorderManagerCalls: number;
  /** playVoice / pauseVoice / stopVoice (one voice per host object). */
  readonly voice: OldVoiceApi;
  /** How many InnerAudioContexts the app created (each is its own voice). */
  innerAudioContexts: number;
}

export interface Host {
  readonly options: ResolvedHostOptions;
  readonly clock: FakeClock;
  readonly trace: Trace;
  readonly env: NativeEnv;
  readonly wx: Record<string, unknown>;
  readonly qq: Record<string, unknown>;
  readonly swan: Record<string, unknown>;
  readonly apis: Readonly<Record<HostName, ApiHost>>;
  /** The fake `@tarojs/taro` module. */
  readonly taro: Record<string, unknown>;
  /** The fake `react` module. */
  readonly react: ReactLite['react'];
  /** The fake `@tarojs/components` module (any component name is a string tag). */
  readonly components: Record<string, unknown>;
  /**
   * A stand-in for one of the app's own modules (`require('../../utils/util.js')`): every
   * call to it is traced and returns undefined, the same way for both programs.
   */
  appModule(id: string): Record<string, unknown>;
  /** The app realm's tracked Promise (see rejections.ts). */
  readonly Promise: PromiseConstructor;
  readonly hooks: HookDispatcher;
  /**
   * Calls app code like the host does: exceptions are traced with `source` and swallowed.
   * Returns the function's result (undefined if it threw).
   */
  invoke(source: 'handler' | 'callback', fn: unknown, thisArg: unknown, args: unknown[]): unknown;
  /** Drains microtasks, re-renders dirty function components, reports unhandled rejections. */
  settle(): Promise<void>;
  /** Registers work to do on every settle (returns true if it did something). */
  onSettle(step: () => boolean): void;
  /** Totals over wx/qq/swan, for the behaviour test's sanity checks. */
  usage(): Usage;
}

/** Parts of the host a test can replace. */
export interface HostSetup {
  /**
   * Builds the `@tarojs/taro` module over the host's `wx` instead of the fake one (the
   * Taro runtime test lets Taro's own weapp runtime build it).
   */
  taro?: (wx: Record<string, unknown>) => Record<string, unknown>;
  /**
   * The Taro version the fake `@tarojs/taro` behaves as (default: current). Before 3.3.1,
   * Taro wrapped `startRecord` in a Promise settled at the end, callbacks or not (SPEC §1).
   */
  taroVersion?: string;
}

export function createHost(hostOptions: HostOptions = {}, setup: HostSetup = {}): Host {
  const options = resolveHostOptions(hostOptions);
  const tracker = createRejectionTracker();
  let trace!: Trace;
  const clock = new FakeClock({
    invoke: (fn, args) => {
      try {
        fn(...args);
      } catch (e) {
        trace.error('timer', e);
      }
    },
  });
  trace = new Trace(clock);

  const settleSteps: Array<() => boolean> = [];
  const settle = async (): Promise<void> => {
    for (let round = 0; round < 100; round++) {
      await drainMicrotasks();
      let again = false;
      for (const step of settleSteps) again = step() || again;
      for (const reason of tracker.takeUnhandled()) trace.unhandledRejection(reason);
      if (!again) return;
    }
    throw new Error('host.settle: still re-rendering after 100 rounds');
  };
  clock.setSettle(settle);

  const invoke = (source: 'handler' | 'callback', fn: unknown, thisArg: unknown, args: unknown[]): unknown => {
    if (typeof fn !== 'function') return undefined;
    try {
      return fn.apply(thisArg, args);
    } catch (e) {
      trace.error(source, e);
      return undefined;
    }
  };

  const env: NativeEnv = {
    clock,
    trace,
    files: new TempFiles(),
    options,
    Promise: tracker.Promise,
    callback: (fn, ...args) => void invoke('callback', fn, undefined, args),
  };

  const apis = {} as Record<HostName, ApiHost>;
  for (const name of HOST_NAMES) apis[name] = createApiHost(name, env);

  const hooks: HookDispatcher = { current: null };
  const reactLite = createReactLite(env, hooks);
  const taro = setup.taro ? setup.taro(apis.wx.api) : createTaro(env, apis.wx.api, reactLite, setup.taroVersion);
  const components = new Proxy({ __esModule: true } as Record<string, unknown>, {
    get: (target, prop) => (typeof prop === 'string' && !(prop in target) ? prop : target[prop as string]),
  });

  return {
    options,
    clock,
    trace,
    env,
    wx: apis.wx.api,
    qq: apis.qq.api,
    swan: apis.swan.api,
    apis,
    taro,
    react: reactLite.react,
    components,
    appModule: (id) => tracedObject(env, `module:${id}`, {}),
    Promise: tracker.Promise,
    hooks,
    invoke,
    settle: () => clock.settle(),
    onSettle: (step) => void settleSteps.push(step),
    usage: () => {
      const sum = (f: (a: ApiHost) => number) => HOST_NAMES.reduce((n, h) => n + f(apis[h]), 0);
      const startRecord = sum((a) => a.oldApi.calls.startRecord);
      const stopRecord = sum((a) => a.oldApi.calls.stopRecord);
      return {
        startRecord,
        stopRecord,
        oldApiCalls: startRecord + stopRecord,
        getRecorderManagerCalls: sum((a) => a.getRecorderManagerCalls),
      };
    },
  };
}

function createApiHost(name: HostName, env: NativeEnv): ApiHost {
  const oldApi = new OldRecordApi(env);
  const manager = new FakeRecorderManager(env);
  const voice = new OldVoiceApi(env);
  const own: Record<string, unknown> = {
    startRecord: (options?: unknown) => oldApi.startRecord(options),
    stopRecord: (options?: unknown) => oldApi.stopRecord(options),
    getRecorderManager: () => {
      apiHost.getRecorderManagerCalls++;
      return manager;
    },
    playVoice: (options?: unknown) => voice.playVoice(options),
    pauseVoice: (options?: unknown) => voice.pauseVoice(options),
    stopVoice: (options?: unknown) => voice.stopVoice(options),
    // A new object each time: contexts are not a singleton (SPEC §8).
    createInnerAudioContext: () => {
      apiHost.innerAudioContexts++;
      return new FakeInnerAudioContext(env);
    },
    env: { USER_DATA_PATH: 'wxfile://usr' },
  };
  let created = 0;
  const generic = new Map<string, unknown>();
  const api = new Proxy(own, {
    get(target, prop) {
      // Not thenable: resolving a promise with `wx` must not call a fake `wx.then`.
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      if (prop in target) return target[prop];
      let fn = generic.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => {
          env.trace.call(`${name}.${prop}`, args);
          if (prop.startsWith('create')) {
            created++;
            return tracedObject(env, `${name}.${prop}#${created}`, {});
          }
          return answer(env, prop, args[0]);
        };
        generic.set(prop, fn);
      }
      return fn;
    },
    // Apps (and their test mocks) may assign to wx; keep what they set.
    set(target, prop, value) {
      if (typeof prop === 'string') target[prop] = value;
      return true;
    },
  });
  const apiHost: ApiHost = { name, api, oldApi, manager, getRecorderManagerCalls: 0, voice, innerAudioContexts: 0 };
  return apiHost;
}

const SYSTEM_INFO = { platform: 'android', system: 'Android 13', SDKVersion: '3.0.0', version: '8.0.40' };

/** The harmless answer of a non-recording host API (see the module comment). */
function answer(env: NativeEnv, api: string, options: unknown): unknown {
  if (api.endsWith('Sync')) {
    if (api === 'getSystemInfoSync') return { ...SYSTEM_INFO };
    if (api === 'getStorageSync') return '';
    return undefined;
  }
  if (api === 'canIUse') return true;
  if (/^(on|off)[A-Z]/.test(api)) return undefined;

  const opts = isObject(options) ? options : {};
  const denied = env.options.permissionDenied && api === 'authorize' && opts.scope === 'scope.record';
  const res: Record<string, unknown> = denied
    ? { errMsg: `${api}:fail auth deny` }
    : { errMsg: `${api}:ok`, ...successFields(env, api, opts) };

  let settle: { resolve(v: unknown): void; reject(r: unknown): void } | undefined;
  const promise = hasCallbacks(opts)
    ? undefined
    : new env.Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
  env.clock.setTimeout(() => {
    env.callback(denied ? opts.fail : opts.success, res);
    env.callback(opts.complete, res);
    if (denied) settle?.reject(res);
    else settle?.resolve(res);
  }, TIMING.ACK_DELAY_MS);
  return promise;
}

function successFields(env: NativeEnv, api: string, opts: Record<string, unknown>): Record<string, unknown> {
  switch (api) {
    case 'getSetting':
      return { authSetting: { 'scope.record': !env.options.permissionDenied } };
    case 'getSystemInfo':
      return { ...SYSTEM_INFO };
    case 'showModal':
      return { confirm: true, cancel: false };
    case 'showActionSheet':
      return { tapIndex: 0 };
    case 'request':
      return { statusCode: 200, data: {}, header: {} };
    case 'uploadFile':
      return { statusCode: 200, data: '{}' };
    case 'downloadFile':
      return { statusCode: 200, tempFilePath: 'wxfile://tmp/download' };
    case 'saveFile':
      return { savedFilePath: String(opts.tempFilePath ?? '').replace('wxfile://tmp/', 'wxfile://store/') };
    case 'getFileInfo':
      return { size: 1024 };
    default:
      return {};
  }
}

/**
 * An object whose every method call and property assignment is traced. Reading a
 * property that was assigned (or has a default) gives its value; any other property is a
 * traced method that returns undefined.
 */
function tracedObject(env: NativeEnv, label: string, initial: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...initial };
  const methods = new Map<string, unknown>();
  return new Proxy(values, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      if (prop in target) return target[prop];
      let fn = methods.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => void env.trace.call(`${label}.${prop}`, args);
        methods.set(prop, fn);
      }
      return fn;
    },
    set(target, prop, value) {
      if (typeof prop !== 'string') return false;
      env.trace.record({ kind: 'set', target: label, property: prop, value: toJson(value) });
      target[prop] = value;
      return true;
    },
  });
}

/**
 * The fake `@tarojs/taro` (weapp build, Taro 3.3.1+): startRecord, stopRecord and
 * getRecorderManager pass straight through to `wx` (before 3.3.1, startRecord always
 * returns Taro's own Promise); pauseVoice, stopVoice and createInnerAudioContext pass
 * through, and so does playVoice from Taro 3 on (Taro 1.x/2.x always return their own
 * Promise for it, settled on success/fail: SPEC §8); other APIs are promisified the way
 * Taro does (the Promise resolves on success, rejects on fail, and the callbacks still
 * run); `...Sync`, `createX`, `canIUse`, `onX`/`offX` pass through unchanged.
 */
function createTaro(env: NativeEnv, wx: Record<string, unknown>, reactLite: ReactLite, version?: string): Record<string, unknown> {
  const callWx = (name: string, args: unknown[]): unknown => (wx[name] as (...a: unknown[]) => unknown)(...args);
  const own: Record<string, unknown> = {
    __esModule: true,
    startRecord: taroStartRecordAlwaysPromise(version)
      ? (options?: unknown) => taroPromisified(env, (a) => callWx('startRecord', a), [options ?? {}], true)
      : (options?: unknown) => callWx('startRecord', [options]),
    stopRecord: (options?: unknown) => callWx('stopRecord', [options]),
    getRecorderManager: () => callWx('getRecorderManager', []),
    playVoice: taroPlayVoiceAlwaysPromise(version)
      ? (options?: unknown) => taroPromisified(env, (a) => callWx('playVoice', a), [options ?? {}], true)
      : (options?: unknown) => callWx('playVoice', [options]),
    pauseVoice: (options?: unknown) => callWx('pauseVoice', [options]),
    stopVoice: (options?: unknown) => callWx('stopVoice', [options]),
    createInnerAudioContext: () => callWx('createInnerAudioContext', []),
    Component: reactLite.Component,
    PureComponent: reactLite.Component,
    ...reactLite.taroHooks,
    getEnv: () => 'WEAPP',
    ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN', SWAN: 'SWAN', ALIPAY: 'ALIPAY', TT: 'TT', QQ: 'QQ', JD: 'JD' },
    getCurrentInstance: () => ({ router: { params: {}, path: '/pages/index/index' }, page: {} }),
    pxTransform: (n: unknown) => `${String(n)}rpx`,
    options: {},
  };
  const wrapped = new Map<string, unknown>();
  const taro: Record<string, unknown> = new Proxy(own, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      if (prop === 'default') return taro;
      if (prop in target) return target[prop];
      let fn = wrapped.get(prop);
      if (!fn) {
        fn = /Sync$|^create|^canIUse$|^(on|off)[A-Z]/.test(prop)
          ? (...args: unknown[]) => callWx(prop, args)
          : (...args: unknown[]) => taroPromisified(env, (a) => callWx(prop, a), args);
        wrapped.set(prop, fn);
      }
      return fn;
    },
  });
  return taro;
}

/**
 * Taro 1.x and 2.x list playVoice among the APIs they promisify (SPEC §8); Taro 3 and
 * later pass it through. An unknown version means a current Taro.
 */

function taroPromisified(env: NativeEnv, call: (args: unknown[]) => unknown, args: unknown[], always = false): unknown {
  const [options, ...rest] = args;
  if (!always && !hasCallbacks(options)) return call(args);
  const opts = options as Record<string, unknown>;
  return new env.Promise((resolve, reject) => {
    call([
      {
        ...opts,
        success: (res: unknown) => {
          env.callback(opts.success, res);
          resolve(res);
        },
        fail: (res: unknown) => {
          env.callback(opts.fail, res);
          reject(res);
        },
      },
      ...rest,
    ]);
  });
}
