/**
 * Just enough Vue for single-file components to run in the simulation: traced reactivity,
 * the fake `vue` module (Vue 3 composition API plus `defineComponent`), the `<script
 * setup>` compiler macros, `vuex`'s map helpers, and `@dcloudio/uni-app`'s page hooks.
 *
 * What a user sees of a Vue component is its state, so every state change is traced, the
 * way setData and setState are for pages and React components:
 * - an assignment to a data field (`this.tip = 'x'`), or anywhere inside one
 *   (`this.records.push(p)`: `records.0`), is a `set` entry with target 'this';
 * - `ref#<n>.value` (refs numbered in creation order) and `reactive#<n>.<path>` likewise.
 * An assignment that does not change the value is not traced (Vue triggers nothing then).
 * Nothing renders, so computed values and watchers are not traced: `computed` is a getter
 * evaluated on each read; `watch`/`watchEffect` run once when `immediate` (watchEffect
 * always) and are NOT re-run on changes (dependency tracking is not simulated).
 *
 * Lifecycle hooks registered during setup (`onMounted`, Taro's `useUnload`, uni-app's
 * `onLoad`...) go to the `SetupScope` the driver installs on `HookDispatcher.setup` while it
 * runs setup; the driver calls them at mount and unload (driver.ts).
 */
import type { NativeEnv } from './native';
import type { HookDispatcher, LifecycleScope } from './react-lite';
import { toJson } from './trace';

// ---- reactivity ----

/**
 * Plain data Vue makes reactive: arrays and plain objects (of any realm). Frozen or
 * otherwise non-extensible objects are left alone, as Vue does (and a proxy could not
 * hand out wrapped values for their read-only properties).
 */
function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || !Object.isExtensible(value)) return false;
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

const hasOwn = (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k);
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

export class Reactivity {
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  private refs = 0;
  private reactives = 0;

  constructor(private readonly env: NativeEnv) {}

  /** Traces one state change. */
  traceSet(target: string, property: string, value: unknown): void {
    this.env.trace.record({ kind: 'set', target, property, value: toJson(value) });
  }

  /** The object behind a reactive proxy (anything else unchanged). */
  toRaw<T>(value: T): T {
    return (typeof value === 'object' && value !== null ? (this.raws.get(value) ?? value) : value) as T;
  }

  isReactive(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.raws.has(value);
  }

  /**
   * A deep proxy of plain data whose writes are traced as `set` entries of `target` at
   * `path.key`. The same object always gets the same proxy (with the path of its first use).
   */
  wrap<T>(value: T, target: string, path: string): T {
    if (!isPlain(value) || this.raws.has(value)) return value;
    const known = this.proxies.get(value);
    if (known) return known as T;
    const self = this;
    const proxy = new Proxy(value, {
      get(t, key, receiver) {
        const v = Reflect.get(t, key, receiver) as unknown;
        return typeof key === 'string' && hasOwn(t, key) ? self.wrap(v, target, join(path, key)) : v;
      },
      set(t, key, v) {
        const raw = self.toRaw(v);
        const had = hasOwn(t, key);
        const old = (t as Record<PropertyKey, unknown>)[key];
        (t as Record<PropertyKey, unknown>)[key] = raw;
        if (typeof key === 'string' && !(had && Object.is(old, raw))) self.traceSet(target, join(path, key), raw);
        return true;
      },
      deleteProperty(t, key) {
        const had = hasOwn(t, key);
        delete (t as Record<PropertyKey, unknown>)[key];
        if (had && typeof key === 'string') self.traceSet(target, join(path, key), undefined);
        return true;
      },
    });
    this.proxies.set(value, proxy);
    this.raws.set(proxy, value);
    return proxy;
  }

  /** `reactive(obj)`: traced as `reactive#<n>`. */
  reactive<T>(value: T): T {
    if (!isPlain(value)) return value;
    if (this.raws.has(value) || this.proxies.has(value)) return this.wrap(value, '', '');
    return this.wrap(value, `reactive#${this.reactives++}`, '');
  }

  ref(initial: unknown): RefImpl {
    if (initial instanceof RefImpl) return initial;
    return new RefImpl(this, `ref#${this.refs++}`, this.toRaw(initial));
  }

  /**
   * A traced property `key` of `owner` backed by `store[key]` (Vue 2's defineReactive):
   * reading gives a deep proxy, writing is traced as `target` `key`.
   */
  defineProperty(owner: object, key: string, store: Record<string, unknown>, target: string): void {
    Object.defineProperty(owner, key, {
      configurable: true,
      enumerable: true,
      get: () => this.wrap(store[key], target, key),
      set: (v: unknown) => {
        const raw = this.toRaw(v);
        if (hasOwn(store, key) && Object.is(store[key], raw)) return;
        store[key] = raw;
        this.traceSet(target, key, raw);
      },
    });
  }
}

/** A ref: `.value` reads give deep proxies, writes are traced as `ref#<n>` `value`. */
export class RefImpl {
  readonly __v_isRef = true;
  constructor(
    private readonly reactivity: Reactivity,
    private readonly label: string,
    private raw: unknown,
  ) {}

  get value(): unknown {
    return this.reactivity.wrap(this.raw, this.label, 'value');
  }

  set value(v: unknown) {
    const raw = this.reactivity.toRaw(v);
    if (Object.is(raw, this.raw)) return;
    this.raw = raw;
    this.reactivity.traceSet(this.label, 'value', raw);
  }
}

// ---- setup scope ----

/**
 * Hook names a setup scope collects. Vue's own (`onMounted`...), Taro's (`useLoad`...),
 * uni-app's (`onLoad`...) are kept under their own names; driver.ts maps them to phases.
 */
export class SetupScope implements LifecycleScope {
  readonly hooks = new Map<string, unknown[]>();

  useLifecycle(hook: string, cb: unknown): void {
    const list = this.hooks.get(hook) ?? [];
    list.push(cb);
    this.hooks.set(hook, list);
  }

  callbacks(hook: string): unknown[] {
    return this.hooks.get(hook) ?? [];
  }
}

/** Runs `fn` with `scope` as the current setup (for `onMounted`, `useUnload`...). */
export function withSetupScope<T>(hooks: HookDispatcher, scope: SetupScope, fn: () => T): T {
  const previous = hooks.setup ?? null;
  hooks.setup = scope;
  try {
    return fn();
  } finally {
    hooks.setup = previous;
  }
}

// ---- fake modules ----

export interface VueLite {
  readonly reactivity: Reactivity;
  /** The fake 'vue' module. */
  readonly vue: Record<string, unknown>;
  /** The fake 'vuex' module. */
  readonly vuex: Record<string, unknown>;
  /** The fake '@dcloudio/uni-app' module (page lifecycle hooks for `<script setup>`). */
  readonly uniApp: Record<string, unknown>;
  /** Props from a `props` option or `defineProps` argument: declared defaults, else undefined. */
  propsFrom(spec: unknown): Record<string, unknown>;
  /** Compiler macros of a `<script setup>` block, for one instance (see SETUP_MACROS). */
  macros(props: Record<string, unknown>, emit: (...args: unknown[]) => void): unknown[];
}

/** Parameter names of the compiled `<script setup>` wrapper, in `macros()` order. */
export const SETUP_MACROS = [
  'defineProps',
  'defineEmits',
  'defineExpose',
  'defineOptions',
  'defineSlots',
  'defineModel',
  'withDefaults',
] as const;

export function createVueLite(env: NativeEnv, hooks: HookDispatcher): VueLite {
  const reactivity = new Reactivity(env);
  const scope = (name: string): LifecycleScope => {
    if (!hooks.setup) throw new Error(`${name}() called outside setup()`);
    return hooks.setup;
  };
  const hook = (name: string) => (cb: unknown) => scope(name).useLifecycle(name, cb);
  const nextTick = (fn?: unknown): Promise<void> =>
    new env.Promise<void>((resolve) =>
      env.clock.setTimeout(() => {
        env.callback(fn);
        resolve();
      }, 0),
    );
  const unref = (v: unknown) => (v instanceof RefImpl ? v.value : v);
  const computed = (spec: unknown) => {
    const get = typeof spec === 'function' ? spec : (spec as { get?: unknown } | null)?.get;
    const set = typeof spec === 'function' ? undefined : (spec as { set?: unknown } | null)?.set;
    return {
      __v_isRef: true,
      get value() {
        return typeof get === 'function' ? (get as () => unknown)() : undefined;
      },
      set value(v: unknown) {
        if (typeof set === 'function') (set as (v: unknown) => void)(v);
      },
    };
  };
  const runOnce = (fn: unknown, args: unknown[]) => env.callback(fn, ...args);

  const vue: Record<string, unknown> = {
    __esModule: true,
    ref: (v?: unknown) => reactivity.ref(v),
    shallowRef: (v?: unknown) => reactivity.ref(v),
    customRef: () => {
      throw new Error('customRef is not simulated');
    },
    isRef: (v: unknown) => v instanceof RefImpl,
    unref,
    toRef: (obj: unknown, key: unknown) => ({
      __v_isRef: true,
      get value() {
        return (obj as Record<string, unknown>)[key as string];
      },
      set value(v: unknown) {
        (obj as Record<string, unknown>)[key as string] = v;
      },
    }),
    reactive: (v: unknown) => reactivity.reactive(v),
    shallowReactive: (v: unknown) => reactivity.reactive(v),
    readonly: (v: unknown) => v,
    isReactive: (v: unknown) => reactivity.isReactive(v),
    toRaw: (v: unknown) => reactivity.toRaw(v),
    markRaw: (v: unknown) => v,
    computed,
    watch: (_source: unknown, cb: unknown, options?: unknown) => {
      if ((options as { immediate?: unknown } | undefined)?.immediate) runOnce(cb, [undefined, undefined, () => undefined]);
      return () => undefined;
    },
    watchEffect: (fn: unknown) => {
      runOnce(fn, [() => undefined]);
      return () => undefined;
    },
    nextTick,
    defineComponent: (options: unknown) => options,
    // Vue 2's `export default Vue.extend({...})`: the options are what the driver mounts.
    extend: (options: unknown) => options,
    getCurrentInstance: () => null,
    onBeforeMount: hook('onBeforeMount'),
    onMounted: hook('onMounted'),
    onBeforeUpdate: () => undefined,
    onUpdated: () => undefined,
    onBeforeUnmount: hook('onBeforeUnmount'),
    onUnmounted: hook('onUnmounted'),
    onActivated: () => undefined,
    onDeactivated: () => undefined,
    onErrorCaptured: () => undefined,
    provide: () => undefined,
    inject: (_key: unknown, fallback?: unknown) => fallback,
    // Compiler macros: imported by some code although they need no import.
    defineProps: (spec?: unknown) => propsFrom(spec),
    defineEmits: () => emitter,
    defineExpose: () => undefined,
  };
  vue.default = vue;

  function propsFrom(spec: unknown): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    if (Array.isArray(spec)) {
      for (const k of spec) props[String(k)] = undefined;
    } else if (typeof spec === 'object' && spec !== null) {
      for (const [k, s] of Object.entries(spec)) {
        const d = typeof s === 'object' && s !== null && 'default' in s ? (s as { default: unknown }).default : undefined;
        const type = (s as { type?: unknown } | null)?.type;
        props[k] = typeof d === 'function' && (type as { name?: string } | undefined)?.name !== 'Function' ? (d as () => unknown)() : d;
      }
    }
    return props;
  }

  /** `this.$emit` and the `emit` of defineEmits: traced as calls of '$emit'. */
  const emitter = (...args: unknown[]): void => void env.trace.call('$emit', args);

  const macros = (props: Record<string, unknown>, emit: (...args: unknown[]) => void): unknown[] => {
    const impl: Record<(typeof SETUP_MACROS)[number], unknown> = {
      defineProps: (spec?: unknown) => {
        for (const [k, v] of Object.entries(propsFrom(spec))) if (!(k in props)) props[k] = v;
        return props;
      },
      defineEmits: () => emit,
      defineExpose: () => undefined,
      defineOptions: () => undefined,
      defineSlots: () => ({}),
      defineModel: () => reactivity.ref(undefined),
      withDefaults: (p: unknown, defaults: unknown) => {
        const target = (p ?? props) as Record<string, unknown>;
        for (const [k, d] of Object.entries((defaults ?? {}) as Record<string, unknown>)) {
          if (target[k] === undefined) target[k] = typeof d === 'function' ? (d as () => unknown)() : d;
        }
        return target;
      },
    };
    return SETUP_MACROS.map((name) => impl[name]);
  };

  // vuex: the map helpers are what components use; the store itself is the app's.
  const keysOf = (args: unknown[]): Array<[string, unknown]> => {
    const map = typeof args[0] === 'string' ? args[1] : args[0];
    if (Array.isArray(map)) return map.map((k) => [String(k), k]);
    return typeof map === 'object' && map !== null ? Object.entries(map) : [];
  };
  const mapped = (args: unknown[], make: (key: string, value: unknown) => unknown) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of keysOf(args)) out[k] = make(k, v);
    return out;
  };
  const vuex: Record<string, unknown> = {
    __esModule: true,
    // Computed values read the store, which is not simulated: undefined.
    mapState: (...args: unknown[]) => mapped(args, () => () => undefined),
    mapGetters: (...args: unknown[]) => mapped(args, () => () => undefined),
    // Methods dispatch/commit: traced, like the app's other modules.
    mapActions: (...args: unknown[]) =>
      mapped(args, (k, v) => (...a: unknown[]) => void env.trace.call('$store.dispatch', [typeof v === 'string' ? v : k, ...a])),
    mapMutations: (...args: unknown[]) =>
      mapped(args, (k, v) => (...a: unknown[]) => void env.trace.call('$store.commit', [typeof v === 'string' ? v : k, ...a])),
    createStore: (options: unknown) => ({ options }),
    Store: class Store {
      constructor(readonly options: unknown) {}
    },
    useStore: () => undefined,
  };
  vuex.createNamespacedHelpers = () => vuex;
  vuex.default = vuex;

  const uniApp: Record<string, unknown> = { __esModule: true };
  for (const name of ['onLoad', 'onShow', 'onReady', 'onHide', 'onUnload', 'onPullDownRefresh', 'onReachBottom', 'onShareAppMessage', 'onPageScroll']) {
    uniApp[name] = hook(name);
  }

  return { reactivity, vue, vuex, uniApp, propsFrom, macros };
}
