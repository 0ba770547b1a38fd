/**
 * Fake WePY modules, enough for `.wpy` pages and components to run in the simulation.
 *
 * - 'wepy' (WePY 1): the default export has the base classes `page`, `component`, `app`,
 *   `mixin` and `event`, and forwards every other property to `wx` (WePY 1 copies the
 *   host's APIs onto `wepy`; the `promisify` plugin is not simulated, so `wepy.request(...)`
 *   is `wx.request(...)`). An instance's `$apply()`, `$emit()`, `$broadcast()`, `$invoke()`
 *   and navigation helpers are traced calls; its data fields become traced properties when
 *   the driver mounts it (driver.ts), as WePY's `$init` copies them onto the instance.
 * - '@wepy/core' (WePY 2): `wepy.page({...})` and `wepy.component({...})` register their
 *   options (the loader lists them, the driver mounts them like Vue options components);
 *   `wepy.app`, `wepy.use`, `wepy.mixin` are accepted and do nothing.
 * - 'wepy-redux': `connect(...)` is a class decorator that changes nothing (the store is
 *   not simulated); `setStore`/`getStore` are accepted.
 */
import type { NativeEnv } from './native';
import { toJson } from './trace';

export type WepyKind = 'page' | 'component';

export interface WepyLite {
  /** The fake 'wepy' module (WePY 1). */
  readonly wepy: Record<string, unknown>;
  /** The fake '@wepy/core' module (WePY 2). */
  readonly wepyCore: Record<string, unknown>;
  /** The fake 'wepy-redux' module. */
  readonly wepyRedux: Record<string, unknown>;
  /** 'page' or 'component' for a class extending WePY 1's `wepy.page`/`wepy.component`. */
  wepyClassKind(value: unknown): WepyKind | undefined;
}

export function createWepyLite(
  env: NativeEnv,
  wx: Record<string, unknown>,
  register: (kind: WepyKind, config: Record<string, unknown>) => void,
): WepyLite {
  const traced =
    (name: string) =>
    (...args: unknown[]): void =>
      void env.trace.call(name, args);

  class WepyBase {
    $name = '';
    $isComponent = false;
    $mixins: unknown[] = [];
    $com: Record<string, unknown> = {};
    config: Record<string, unknown> = {};
    data: Record<string, unknown> = {};
    methods: Record<string, unknown> = {};
    events: Record<string, unknown> = {};
    computed: Record<string, unknown> = {};
    components: Record<string, unknown> = {};
    watch: Record<string, unknown> = {};

    /** Flushes changed data to the view: traced (WePY's dirty check is not simulated). */
    $apply(fn?: unknown): void {
      if (typeof fn === 'function') (fn as () => void).call(this);
      env.trace.call('$apply', []);
    }

    $emit = traced('$emit');
    $broadcast = traced('$broadcast');
    $invoke = traced('$invoke');
    $navigate = traced('$navigate');
    $redirect = traced('$redirect');
    $switch = traced('$switch');
    $preload = traced('$preload');

    setData(patch: unknown): void {
      env.trace.record({ kind: 'setData', target: 'wepy', data: toJson(patch) });
    }

    $getComponent(): undefined {
      return undefined;
    }
  }
  class page extends WepyBase {}
  class component extends WepyBase {
    override $isComponent = true;
  }
  class app {
    config: Record<string, unknown> = {};
    globalData: Record<string, unknown> = {};
    use(): void {}
    intercept(): void {}
  }
  class mixin {
    data: Record<string, unknown> = {};
    methods: Record<string, unknown> = {};
  }
  class event {
    constructor(
      readonly name: string,
      readonly source: unknown,
      readonly type: string,
    ) {}
  }

  const own: Record<string, unknown> = { page, component, app, mixin, event, $isEmpty: (o: unknown) => !o || Object.keys(o as object).length === 0 };
  const wepy: Record<string, unknown> = new Proxy(own, {
    get(target, prop) {
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      if (prop === 'default') return wepy;
      if (prop === '__esModule') return true;
      if (prop in target) return target[prop];
      return wx[prop];
    },
  });

  const wepyCore: Record<string, unknown> = {
    __esModule: true,
    page: (config: unknown) => void register('page', asConfig(config, 'wepy.page')),
    component: (config: unknown) => void register('component', asConfig(config, 'wepy.component')),
    app: () => undefined,
    use: () => undefined,
    mixin: () => undefined,
  };
  wepyCore.default = wepyCore;

  const wepyRedux: Record<string, unknown> = {
    __esModule: true,
    connect: () => (cls: unknown) => cls,
    setStore: () => undefined,
    getStore: () => undefined,
  };
  wepyRedux.default = wepyRedux;

  return {
    wepy,
    wepyCore,
    wepyRedux,
    wepyClassKind(value) {
      if (typeof value !== 'function') return undefined;
      const proto = (value as { prototype?: unknown }).prototype;
      if (proto instanceof page) return 'page';
      if (proto instanceof component) return 'component';
      return undefined;
    },
  };
}

function asConfig(config: unknown, what: string): Record<string, unknown> {
  if (typeof config !== 'object' || config === null) throw new TypeError(`${what}() expects an options object`);
  return config as Record<string, unknown>;
}
