/**
 * Turns what a loaded program registered or exported into something a scenario can
 * drive: mount it (run its load lifecycle), call its event handlers by name, unmount it.
 *
 * Units (one program may hold several):
 * - `page#<i>`: a `Page({...})` config. The instance gets its own deep copy of `data`, a
 *   traced `setData`, and the config's methods as own properties; handlers are called as
 *   `page[name](event)`, so `this` is the page, as in the mini program (which does not
 *   bind methods: a detached `const f = this.m; f()` loses `this` here too).
 * - `component#<i>`: a `Component({ data, properties, methods, lifetimes })` config;
 *   handlers are its `methods`.
 * - `class:<export>`: an exported Taro/React class component (or any exported class, such
 *   as a recorder wrapper); handlers are its methods and its function-valued fields
 *   (arrow-function class properties).
 * - `fc:<export>`: an exported function component (its source renders JSX); handlers are
 *   the function props found in what it renders, named by their place in the tree.
 * - `functions`: the other exported functions, called with no arguments.
 * - `vue:default`: a `.vue`/`.wpy` component: the options its `<script>` exports by
 *   default (`export default { data() {...}, methods: {...} }`, or `defineComponent(...)`)
 *   and/or its `<script setup>` block (mountVue has the details). Handlers are the
 *   `methods`, the functions a `setup` option returns, and the `<script setup>` block's
 *   top-level functions.
 * - `wepy:<export>`: an exported WePY 1 class (`class X extends wepy.page`); handlers are
 *   the entries of the instance's `methods` object, called with `this` = the instance.
 * - `wepy2#<i>`: options passed to WePY 2's `wepy.page({...})`/`wepy.component({...})`,
 *   mounted like a Vue options component.
 *
 * Components get props from `tracedProps`: every `onX` prop is a traced callback, so a
 * component that reports its recording to its parent (`props.onSend(path)`) shows that
 * in the trace.
 *
 * Which handler starts or stops recording is decided from the INPUT program's source text
 * (`classify`); the output program is driven through the same names, since the transform
 * never renames methods, exports or JSX.
 */
import type { Host } from './host';
import type { LoadedApp, LoadedSetup } from './load';
import { FunctionComponentInstance, isElement } from './react-lite';
import { toJson } from './trace';
import { RefImpl, SetupScope, VueLite, withSetupScope } from './vue-lite';

export type UnitKind = 'page' | 'component' | 'class' | 'fc' | 'functions' | 'object' | 'vue' | 'wepy' | 'wepy2';

export interface UnitRef {
  /** Stable across the input and output programs: 'page#0', 'class:default', ... */
  id: string;
  kind: UnitKind;
}

export interface Handler {
  /** Source text used to classify the handler (comments included). */
  source: string;
  invoke(): unknown;
}

export interface Mounted {
  readonly unit: UnitRef;
  /** Runs the load lifecycle (onLoad, attached, componentDidMount, first render...). */
  load(): Promise<void>;
  /** Current handlers by name (for function components: of the latest render). */
  handlers(): Map<string, Handler>;
  /** Calls a handler as the host would (exceptions traced), then settles. */
  call(name: string): Promise<void>;
  /** Runs the unload lifecycle (onUnload, detached, componentWillUnmount, cleanups). */
  unload(): Promise<void>;
}

export type Role = 'start' | 'stop' | 'toggle';

export interface Classified {
  start: string[];
  stop: string[];
  toggle: string[];
  /**
   * Playback handlers (SPEC §8), by the calls in their text: `play` calls playVoice (a
   * toggle that also pauses or stops counts as play), `pause` pauseVoice, `stopPlay`
   * stopVoice. Handlers that record are never playback handlers.
   */
  play: string[];
  pause: string[];
  stopPlay: string[];
}

export type PlaybackRole = 'play' | 'pause' | 'stopPlay';

/** `x.playVoice(` -> play, `x.pauseVoice(` -> pause, `x.stopVoice(` -> stopPlay. */
export function playbackRoleOf(source: string): PlaybackRole | undefined {
  if (/\.playVoice\s*\(/.test(source)) return 'play';
  if (/\.pauseVoice\s*\(/.test(source)) return 'pause';
  if (/\.stopVoice\s*\(/.test(source)) return 'stopPlay';
  return undefined;
}

/** `startRecord` in the text -> start handler, `stopRecord` -> stop handler, both -> toggle. */
export function roleOf(source: string): Role | undefined {
  const starts = /\bstartRecord\b/.test(source);
  const stops = /\bstopRecord\b/.test(source);
  if (starts && stops) return 'toggle';
  if (starts) return 'start';
  if (stops) return 'stop';
  return undefined;
}

export function classify(handlers: Map<string, Handler>): Classified {
  const out: Classified = { start: [], stop: [], toggle: [], play: [], pause: [], stopPlay: [] };
  for (const [name, h] of handlers) {
    const role = roleOf(h.source);
    if (role) out[role].push(name);
    const playback = role ? undefined : playbackRoleOf(h.source);
    if (playback) out[playback].push(name);
  }
  out.play = out.play.map((name) => userFacingCaller(name, handlers));
  return out;
}

/**
 * A play function that takes an argument (`playAt(index)`) is usually called by the
 * handler the user taps (`playAll() { this.playAt(0) }`): that one plays the role.
 */
function userFacingCaller(name: string, handlers: Map<string, Handler>): string {
  const takesArgument = (source: string) => /^[^(]*\(\s*[^)\s]/.test(source);
  if (!takesArgument(handlers.get(name)!.source)) return name;
  for (const [other, h] of handlers) {
    if (other !== name && !takesArgument(h.source) && new RegExp(`\\.${name}\\s*\\(`).test(h.source)) return other;
  }
  return name;
}

const PAGE_LIFECYCLE = new Set([
  'onLoad',
  'onShow',
  'onReady',
  'onHide',
  'onUnload',
  'onPullDownRefresh',
  'onReachBottom',
  'onShareAppMessage',
  'onShareTimeline',
  'onAddToFavorites',
  'onPageScroll',
  'onTabItemTap',
  'onResize',
  'onSaveExitState',
]);

const CLASS_LIFECYCLE = new Set([
  'constructor',
  'render',
  'componentWillMount',
  'componentDidMount',
  'componentDidShow',
  'componentDidHide',
  'componentWillUnmount',
  'componentWillReceiveProps',
  'shouldComponentUpdate',
  'componentWillUpdate',
  'componentDidUpdate',
  'componentDidCatch',
  'componentDidCatchError',
  'componentDidNotFound',
  'getSnapshotBeforeUpdate',
  ...PAGE_LIFECYCLE,
]);

/** The units a loaded program offers, in a stable order. */
export function findUnits(loaded: LoadedApp, host: Host): UnitRef[] {
  const units: UnitRef[] = [];
  loaded.pages.forEach((_, i) => units.push({ id: `page#${i}`, kind: 'page' }));
  loaded.components.forEach((_, i) => units.push({ id: `component#${i}`, kind: 'component' }));
  loaded.wepy.forEach((_, i) => units.push({ id: `wepy2#${i}`, kind: 'wepy2' }));
  const vueOptions = sfcOptions(loaded);
  if (vueOptions) units.push({ id: 'vue:default', kind: 'vue' });
  let plainFunctions = false;
  for (const [key, value] of exportEntries(loaded.exports)) {
    if (vueOptions && value === vueOptions) continue;
    if (loaded.wepyLite.wepyClassKind(value)) units.push({ id: `wepy:${key}`, kind: 'wepy' });
    else if (isClass(value) || isComponentClass(value, host)) units.push({ id: `class:${key}`, kind: 'class' });
    else if (isFunctionComponent(value)) units.push({ id: `fc:${key}`, kind: 'fc' });
    else if (typeof value === 'function') plainFunctions = true;
    else if (isObjectOfFunctions(value)) units.push({ id: `object:${key}`, kind: 'object' });
  }
  if (plainFunctions) units.push({ id: 'functions', kind: 'functions' });
  return units;
}

export function mountUnit(loaded: LoadedApp, unitId: string, host: Host): Mounted {
  const unit = findUnits(loaded, host).find((u) => u.id === unitId);
  if (!unit) throw new Error(`${loaded.filename}: no unit '${unitId}' (has: ${findUnits(loaded, host).map((u) => u.id).join(', ') || 'none'})`);
  switch (unit.kind) {
    case 'page':
      return mountPage(unit, loaded.pages[indexOf(unit.id)], host);
    case 'component':
      return mountComponent(unit, loaded.components[indexOf(unit.id)], host);
    case 'class':
      return mountClass(unit, exportNamed(loaded, unit.id.slice('class:'.length)) as new (p: unknown) => object, host);
    case 'fc':
      return mountFunctionComponent(unit, exportNamed(loaded, unit.id.slice('fc:'.length)), host);
    case 'functions':
      return mountFunctions(unit, loaded, host);
    case 'object':
      return mountObject(unit, exportNamed(loaded, unit.id.slice('object:'.length)) as Record<string, unknown>, host);
    case 'vue':
      return mountVue(unit, sfcOptions(loaded) ?? {}, loaded.sfc?.setup, loaded.vue, host);
    case 'wepy2':
      return mountVue(unit, loaded.wepy[indexOf(unit.id)].config, undefined, loaded.vue, host);
    case 'wepy':
      return mountWepyClass(unit, exportNamed(loaded, unit.id.slice('wepy:'.length)) as new () => object, loaded.vue, host);
  }
}

/**
 * The options of a `.vue`/`.wpy` component: its default export when that is a plain
 * object; an empty object for a `<script setup>`-only component; undefined otherwise.
 */
function sfcOptions(loaded: LoadedApp): Record<string, unknown> | undefined {
  if (!loaded.sfc) return undefined;
  const def = typeof loaded.exports === 'object' && loaded.exports !== null ? (loaded.exports as Record<string, unknown>).default : undefined;
  if (isPlainObject(def)) return def;
  return loaded.sfc.setup ? EMPTY_OPTIONS : undefined;
}
const EMPTY_OPTIONS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

// ---- helpers shared by the unit kinds ----

/** A mini-program style event object (what a bindtap/bindtouchstart handler receives). */
function fakeEvent(host: Host): Record<string, unknown> {
  const target = { id: '', dataset: {} };
  return {
    type: 'tap',
    timeStamp: host.clock.now(),
    target,
    currentTarget: target,
    detail: {},
    mark: {},
    touches: [],
    changedTouches: [],
    stopPropagation: () => undefined,
    preventDefault: () => undefined,
  };
}

function baseMounted(
  unit: UnitRef,
  host: Host,
  parts: { load(): void; unload(): void; handlers(): Map<string, Handler> },
): Mounted {
  return {
    unit,
    async load() {
      parts.load();
      await host.settle();
    },
    handlers: () => parts.handlers(),
    async call(name) {
      const handler = parts.handlers().get(name);
      if (!handler) throw new Error(`${unit.id}: no handler '${name}' (has: ${[...parts.handlers().keys()].join(', ')})`);
      handler.invoke();
      await host.settle();
    },
    async unload() {
      parts.unload();
      await host.settle();
    },
  };
}

/**
 * Props a parent would pass: every `onX` prop is a callback whose calls are traced
 * (`props.onSend(path)` is what the parent page observes); any other prop is undefined.
 */
function tracedProps(host: Host): Record<string, unknown> {
  const callbacks = new Map<string, unknown>();
  return new Proxy({} as Record<string, unknown>, {
    get(_target, prop) {
      if (typeof prop !== 'string' || !/^on[A-Z]/.test(prop)) return undefined;
      let fn = callbacks.get(prop);
      if (!fn) {
        fn = (...args: unknown[]) => void host.trace.call(`props.${prop}`, args);
        callbacks.set(prop, fn);
      }
      return fn;
    },
  });
}

function callIfFunction(host: Host, owner: unknown, fn: unknown, args: unknown[] = []): void {
  if (typeof fn === 'function') host.invoke('handler', fn, owner, args);
}

/** Deep copy of plain data (objects and arrays); other values are shared. */
function cloneData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneData) as T;
  if (typeof value === 'object' && value !== null && Object.getPrototypeOf(Object.getPrototypeOf(value)) === null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneData(v);
    return out as T;
  }
  return value;
}

/** Sets `'a.b[0].c'`-style paths as setData does. */
function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = [...key.matchAll(/[^.[\]]+|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : m[0]));
  let cur: Record<string | number, unknown> = target;
  parts.forEach((part, i) => {
    if (i === parts.length - 1) {
      cur[part] = cloneData(value);
      return;
    }
    const next = cur[part];
    if (typeof next !== 'object' || next === null) cur[part] = typeof parts[i + 1] === 'number' ? [] : {};
    cur = cur[part] as Record<string | number, unknown>;
  });
}

/** A traced setData that merges into `owner.data`; its callback runs after a 0 ms timer. */
function makeSetData(host: Host, target: string, owner: Record<string, unknown>) {
  return function setData(patch: unknown, callback?: unknown): void {
    host.trace.record({ kind: 'setData', target, data: toJson(patch) });
    if (typeof patch === 'object' && patch !== null) {
      const data = owner.data as Record<string, unknown>;
      for (const [k, v] of Object.entries(patch)) setPath(data, k, v);
    }
    if (typeof callback === 'function') {
      host.clock.setTimeout(() => host.env.callback(callback.bind(owner)), 0);
    }
  };
}

function functionEntries(obj: unknown, skip: Set<string>): Array<[string, (...a: unknown[]) => unknown]> {
  if (typeof obj !== 'object' || obj === null) return [];
  return Object.entries(obj).filter(
    (e): e is [string, (...a: unknown[]) => unknown] => typeof e[1] === 'function' && !skip.has(e[0]),
  );
}

// ---- Page({...}) ----

function mountPage(unit: UnitRef, config: Record<string, unknown>, host: Host): Mounted {
  const page: Record<string, unknown> = { ...config };
  page.data = cloneData(config.data ?? {});
  page.route = 'pages/index/index';
  page.options = {};
  page.setData = makeSetData(host, 'page', page);
  const handlers = new Map<string, Handler>();
  for (const [name, fn] of functionEntries(config, PAGE_LIFECYCLE)) {
    handlers.set(name, {
      source: fn.toString(),
      invoke: () => host.invoke('handler', page[name], page, [fakeEvent(host)]),
    });
  }
  return baseMounted(unit, host, {
    load() {
      callIfFunction(host, page, page.onLoad, [{}]);
      callIfFunction(host, page, page.onShow);
      callIfFunction(host, page, page.onReady);
    },
    unload: () => callIfFunction(host, page, page.onUnload),
    handlers: () => handlers,
  });
}

// ---- Component({...}) ----

/** Default of a Component property: its `value`, else by type (compared by name: the
 * app's `String` comes from another realm). */
function propertyDefault(spec: unknown): unknown {
  if (typeof spec === 'object' && spec !== null && 'value' in spec) return cloneData((spec as { value: unknown }).value);
  const type = typeof spec === 'function' ? spec : (spec as { type?: unknown } | null)?.type;
  const defaults: Record<string, unknown> = { String: '', Number: 0, Boolean: false, Array: [] };
  const name = typeof type === 'function' ? type.name : '';
  return name in defaults ? cloneData(defaults[name]) : null;
}

function mountComponent(unit: UnitRef, config: Record<string, unknown>, host: Host): Mounted {
  const data: Record<string, unknown> = cloneData((config.data as Record<string, unknown>) ?? {});
  const props = (config.properties ?? {}) as Record<string, unknown>;
  for (const [k, spec] of Object.entries(props)) if (!(k in data)) data[k] = propertyDefault(spec);
  const comp: Record<string, unknown> = { data, properties: data, is: 'components/index/index', id: '', dataset: {} };
  comp.setData = makeSetData(host, 'component', comp);
  comp.triggerEvent = (...args: unknown[]) => host.trace.call('component.triggerEvent', args);
  const methods = functionEntries(config.methods, new Set());
  for (const [name, fn] of methods) comp[name] = fn;
  const lifetimes = (config.lifetimes ?? {}) as Record<string, unknown>;
  const pageLifetimes = (config.pageLifetimes ?? {}) as Record<string, unknown>;
  const lifetime = (name: string) => lifetimes[name] ?? config[name];
  const handlers = new Map<string, Handler>();
  for (const [name, fn] of methods) {
    handlers.set(name, {
      source: fn.toString(),
      invoke: () => host.invoke('handler', comp[name], comp, [fakeEvent(host)]),
    });
  }
  return baseMounted(unit, host, {
    load() {
      callIfFunction(host, comp, lifetime('created'));
      callIfFunction(host, comp, lifetime('attached'));
      callIfFunction(host, comp, lifetime('ready'));
      callIfFunction(host, comp, pageLifetimes.show);
    },
    unload: () => callIfFunction(host, comp, lifetime('detached')),
    handlers: () => handlers,
  });
}

// ---- class components (Taro 1/2/3, React) ----

function mountClass(unit: UnitRef, Cls: new (props: unknown) => object, host: Host): Mounted {
  let instance: Record<string, unknown> | undefined;
  const base = host.react.Component.prototype as object;
  const handlers = new Map<string, Handler>();
  const collect = (inst: Record<string, unknown>) => {
    const sources = new Map<string, string>();
    // Own fields first (arrow-function properties, or `this.m = this.m.bind(this)`)...
    for (const [name, fn] of functionEntries(inst, CLASS_LIFECYCLE)) sources.set(name, fn.toString());
    // ...then prototype methods, whose text wins over a bound copy's "[native code]".
    // (Up to the fake Component base, or Object.prototype for plain classes.)
    for (
      let p = Object.getPrototypeOf(inst) as object | null;
      p && p !== base && Object.getPrototypeOf(p) !== null;
      p = Object.getPrototypeOf(p)
    ) {
      for (const name of Object.getOwnPropertyNames(p)) {
        const d = Object.getOwnPropertyDescriptor(p, name);
        if (CLASS_LIFECYCLE.has(name) || typeof d?.value !== 'function') continue;
        if (!sources.has(name) || /\[native code\]/.test(sources.get(name) ?? '')) sources.set(name, String(d.value));
      }
    }
    for (const [name, source] of sources) {
      handlers.set(name, { source, invoke: () => host.invoke('handler', inst[name], inst, [fakeEvent(host)]) });
    }
  };
  const lifecycle = (...names: string[]) => {
    for (const n of names) if (instance) callIfFunction(host, instance, instance[n], n === 'onLoad' ? [{}] : []);
  };
  return baseMounted(unit, host, {
    load() {
      // The constructor runs at mount; an exception there is the app's, so it is traced.
      instance = host.invoke('handler', () => new Cls(tracedProps(host)), undefined, []) as
        | Record<string, unknown>
        | undefined;
      if (instance) collect(instance);
      lifecycle('componentWillMount', 'onLoad', 'componentDidMount', 'componentDidShow', 'onShow', 'onReady');
    },
    unload: () => lifecycle('componentWillUnmount', 'onUnload'),
    handlers: () => handlers,
  });
}

// ---- function components ----

function mountFunctionComponent(unit: UnitRef, fn: unknown, host: Host): Mounted {
  const component = fn as (props: Record<string, unknown>) => unknown;
  const instance = new FunctionComponentInstance(
    host.env,
    host.hooks,
    component,
    component.name || 'default',
    tracedProps(host),
  );
  host.onSettle(() => {
    try {
      return instance.renderIfDirty();
    } catch (e) {
      host.trace.error('callback', e);
      return false;
    }
  });
  const lifecycle = (...names: Array<'useLoad' | 'useDidShow' | 'useReady' | 'useUnload'>) => {
    for (const n of names) callIfFunction(host, undefined, instance.lifecycle.get(n), n === 'useLoad' ? [{}] : []);
  };
  return baseMounted(unit, host, {
    load() {
      instance.render();
      lifecycle('useLoad', 'useDidShow', 'useReady');
    },
    unload() {
      lifecycle('useUnload');
      instance.unmount();
    },
    handlers() {
      const out = new Map<string, Handler>();
      collectTreeHandlers(instance.tree, '', out, host);
      return out;
    },
  });
}

/** Function props in a rendered tree, keyed by path: '/View/Button[1].onTouchStart'. */
function collectTreeHandlers(node: unknown, path: string, out: Map<string, Handler>, host: Host): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => collectTreeHandlers(child, `${path}[${i}]`, out, host));
    return;
  }
  if (!isElement(node)) return;
  const here = `${path}/${node.type}`;
  for (const [prop, value] of Object.entries(node.props)) {
    if (prop === 'children') collectTreeHandlers(value, here, out, host);
    else if (typeof value === 'function') {
      out.set(`${here}.${prop}`, {
        source: value.toString(),
        invoke: () => host.invoke('handler', value, undefined, [fakeEvent(host)]),
      });
    }
  }
}

// ---- Vue components (.vue; WePY 2 options) ----

/** Vue 3 setup hooks, Taro's and uni-app's page hooks, by the phase the driver runs them in. */
const SETUP_HOOKS = {
  load: ['onLoad', 'useLoad'],
  show: ['onShow', 'useDidShow'],
  beforeMount: ['onBeforeMount'],
  mounted: ['onMounted'],
  ready: ['onReady', 'useReady'],
  unload: ['onUnload', 'useUnload'],
  beforeUnmount: ['onBeforeUnmount'],
  unmounted: ['onUnmounted'],
} as const;

/** Options-API lifecycle methods by phase (Vue 2 and 3 names, page and component ones). */
const OPTION_HOOKS = {
  created: ['created', 'attached'],
  load: ['onLoad'],
  show: ['onShow'],
  beforeMount: ['beforeMount'],
  mounted: ['mounted'],
  ready: ['onReady', 'ready'],
  unload: ['onUnload', 'detached'],
  beforeUnmount: ['beforeDestroy', 'beforeUnmount'],
  unmounted: ['destroyed', 'unmounted'],
} as const;

/**
 * A Vue component instance (`this` of its methods), built the way Vue builds one:
 *
 * 1. setup: the `<script setup>` body (load.ts compiles it; the compiler macros are
 *    vue-lite's), then a `setup` option. Hooks registered meanwhile (`onMounted`,
 *    `onUnmounted`, Taro's `useLoad`/`useUnload`, uni-app's `onLoad`/`onUnload`) are kept
 *    and run in their phase, before the option of the same phase (Vue 3's order). What a
 *    `setup` option returns is on `this` (refs unwrapped).
 * 2. beforeCreate; then `methods` (bound to the instance), `data` (a function is called
 *    with `this` = the instance; an object, as WePY 2 allows, is copied) as traced
 *    properties (vue-lite's Reactivity: target 'this'), `computed` as getters; created.
 * 3. onLoad(query) and onShow (pages: uni-app, mpvue, Taro), beforeMount, mounted, onReady.
 * Unload: onUnload, beforeDestroy/beforeUnmount, destroyed/unmounted (+ setup hooks).
 *
 * `this.$emit(...)` (and `emit` from defineEmits) is traced as a call of '$emit';
 * `$nextTick`, `$set`, `$delete`, `$refs`, `$props`, `$data`, `$options`, `$mp` exist;
 * `$store` is a traced stand-in. Not simulated: `watch` options, mixins, extends,
 * provide/inject, templates and rendering.
 */
function mountVue(
  unit: UnitRef,
  options: Record<string, unknown>,
  setup: LoadedSetup | undefined,
  vue: VueLite,
  host: Host,
): Mounted {
  const r = vue.reactivity;
  const vm: Record<string, unknown> = {};
  const scope = new SetupScope();
  const handlers = new Map<string, Handler>();
  const props = vue.propsFrom(options.props);
  const emit = (...args: unknown[]): void => void host.trace.call('$emit', args);
  const nextTick = vue.vue.nextTick as (fn?: unknown) => Promise<void>;
  const addHandler = (name: string, source: string, fn: () => unknown, thisArg: unknown) =>
    handlers.set(name, { source, invoke: () => host.invoke('handler', fn(), thisArg, [fakeEvent(host)]) });
  const option = (phase: keyof typeof OPTION_HOOKS, args: unknown[] = []) => {
    for (const name of OPTION_HOOKS[phase]) callIfFunction(host, vm, options[name], args);
  };
  const hooks = (phase: keyof typeof SETUP_HOOKS, args: unknown[] = []) => {
    for (const name of SETUP_HOOKS[phase]) for (const cb of scope.callbacks(name)) callIfFunction(host, undefined, cb, args);
  };
  const phase = (name: keyof typeof SETUP_HOOKS & keyof typeof OPTION_HOOKS, args: unknown[] = []) => {
    hooks(name, args);
    option(name, args);
  };

  const createInstance = () => {
    for (const k of Object.keys(props)) {
      Object.defineProperty(vm, k, { enumerable: true, configurable: true, get: () => props[k] });
    }
    Object.assign(vm, {
      $props: props,
      $options: options,
      $emit: emit,
      $nextTick: (fn?: unknown) => nextTick(typeof fn === 'function' ? fn.bind(vm) : undefined),
      $set: (target: unknown, key: unknown, value: unknown) => {
        (target as Record<string, unknown>)[String(key)] = value;
        return value;
      },
      $delete: (target: unknown, key: unknown) => void delete (target as Record<string, unknown>)[String(key)],
      $refs: {},
      $mp: { query: {}, options: {} },
      $store: host.appModule('$store'),
      $root: vm,
      $parent: undefined,
    });

    withSetupScope(host.hooks, scope, () => {
      if (setup) {
        const functions = host.invoke('handler', () => setup.run(vue.macros(props, emit)), undefined, []) as
          | Record<string, unknown>
          | undefined;
        for (const name of setup.functions) {
          const fn = functions?.[name];
          if (typeof fn === 'function') addHandler(name, fn.toString(), () => fn, undefined);
        }
      }
      if (typeof options.setup === 'function') {
        const context = { emit, attrs: {}, slots: {}, expose: () => undefined };
        const returned = host.invoke('handler', options.setup, undefined, [props, context]);
        if (typeof returned === 'object' && returned !== null) {
          for (const [k, v] of Object.entries(returned)) {
            if (typeof v === 'function') {
              vm[k] = v;
              addHandler(k, v.toString(), () => v, undefined);
            } else if (v instanceof RefImpl) {
              Object.defineProperty(vm, k, {
                enumerable: true,
                configurable: true,
                get: () => v.value,
                set: (x: unknown) => void (v.value = x),
              });
            } else vm[k] = v;
          }
        }
      }
    });

    callIfFunction(host, vm, options.beforeCreate);
    for (const [name, fn] of functionEntries(options.methods, new Set())) {
      vm[name] = fn.bind(vm);
      addHandler(name, fn.toString(), () => vm[name], vm);
    }
    const raw =
      typeof options.data === 'function' ? host.invoke('handler', options.data, vm, [vm]) : cloneData(options.data ?? {});
    const store = (typeof raw === 'object' && raw !== null ? r.toRaw(raw) : {}) as Record<string, unknown>;
    for (const key of Object.keys(store)) r.defineProperty(vm, key, store, 'this');
    vm.$data = r.wrap(store, 'this', '');
    const computed = (options.computed ?? {}) as Record<string, unknown>;
    for (const [k, spec] of Object.entries(computed)) {
      const get = typeof spec === 'function' ? spec : (spec as { get?: unknown } | null)?.get;
      const set = typeof spec === 'function' ? undefined : (spec as { set?: unknown } | null)?.set;
      Object.defineProperty(vm, k, {
        enumerable: true,
        configurable: true,
        get: () => (typeof get === 'function' ? get.call(vm, vm) : undefined),
        set: (v: unknown) => void (typeof set === 'function' ? set.call(vm, v) : undefined),
      });
    }
    option('created');
  };

  return baseMounted(unit, host, {
    load() {
      createInstance();
      phase('load', [{}]);
      phase('show');
      phase('beforeMount');
      phase('mounted');
      phase('ready');
    },
    unload() {
      phase('unload');
      phase('beforeUnmount');
      phase('unmounted');
    },
    handlers: () => handlers,
  });
}

// ---- WePY 1 classes ----

/**
 * `export default class X extends wepy.page { data = {...}; methods = {...}; onLoad() {} }`:
 * the instance gets its data fields as traced properties (WePY's `$init` copies them onto
 * the instance; target 'this'), and `computed` as getters; handlers are the entries of its
 * `methods` object, called with `this` = the instance (as WePY's event dispatch does).
 * Lifecycle: onLoad(query), onShow, onReady; unload: onUnload. `$apply()` and the other
 * `$` helpers are traced by the fake base class (wepy-lite.ts).
 */
function mountWepyClass(unit: UnitRef, Cls: new () => object, vue: VueLite, host: Host): Mounted {
  let instance: Record<string, unknown> | undefined;
  const handlers = new Map<string, Handler>();
  const lifecycle = (...names: string[]) => {
    for (const n of names) if (instance) callIfFunction(host, instance, instance[n], n === 'onLoad' ? [{}] : []);
  };
  return baseMounted(unit, host, {
    load() {
      instance = host.invoke('handler', () => new Cls(), undefined, []) as Record<string, unknown> | undefined;
      const inst = instance;
      if (!inst) return;
      const store = cloneData((typeof inst.data === 'object' && inst.data !== null ? inst.data : {}) as Record<string, unknown>);
      for (const key of Object.keys(store)) vue.reactivity.defineProperty(inst, key, store, 'this');
      for (const [k, fn] of functionEntries(inst.computed, new Set())) {
        Object.defineProperty(inst, k, { enumerable: true, configurable: true, get: () => fn.call(inst) });
      }
      for (const [name, fn] of functionEntries(inst.methods, new Set())) {
        handlers.set(name, {
          source: fn.toString(),
          invoke: () => host.invoke('handler', (inst.methods as Record<string, unknown>)[name], inst, [fakeEvent(host)]),
        });
      }
      lifecycle('onLoad', 'onShow', 'onReady');
    },
    unload: () => lifecycle('onUnload'),
    handlers: () => handlers,
  });
}

// ---- exported plain functions ----

function mountFunctions(unit: UnitRef, loaded: LoadedApp, host: Host): Mounted {
  const handlers = new Map<string, Handler>();
  for (const [key, value] of exportEntries(loaded.exports)) {
    if (typeof value !== 'function' || isClass(value) || isComponentClass(value, host) || isFunctionComponent(value)) continue;
    handlers.set(key, { source: value.toString(), invoke: () => host.invoke('handler', value, undefined, [appArgument(host)]) });
  }
  return baseMounted(unit, host, { load: () => undefined, unload: () => undefined, handlers: () => handlers });
}

// ---- exported objects of functions (`export default { start(page) {...}, stop() {...} }`) ----

function mountObject(unit: UnitRef, object: Record<string, unknown>, host: Host): Mounted {
  const handlers = new Map<string, Handler>();
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'function') continue;
    handlers.set(key, { source: value.toString(), invoke: () => host.invoke('handler', value, object, [appArgument(host)]) });
  }
  return baseMounted(unit, host, { load: () => undefined, unload: () => undefined, handlers: () => handlers });
}

/**
 * What an exported helper is called with: a traced stand-in (a page, a callback holder),
 * so that `page.setState(...)` or `onVoice(path)`-style calls land in the trace the same
 * way for both programs.
 */
function appArgument(host: Host): unknown {
  return host.appModule('<argument>');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(Object.getPrototypeOf(value)) === null;
}

function isObjectOfFunctions(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    // A plain object of the app's realm (vm context): its prototype is that realm's Object.prototype.
    Object.getPrototypeOf(Object.getPrototypeOf(value)) === null &&
    Object.values(value).some((v) => typeof v === 'function')
  );
}

// ---- export inspection ----

/** [name, value] of a module's exports; the same value exported twice is listed once. */
function exportEntries(exports: unknown): Array<[string, unknown]> {
  if (typeof exports === 'function') return [['module.exports', exports]];
  if (typeof exports !== 'object' || exports === null) return [];
  const seen = new Set<unknown>();
  const out: Array<[string, unknown]> = [];
  for (const key of Object.keys(exports)) {
    const value = (exports as Record<string, unknown>)[key];
    if (key === '__esModule' || seen.has(value)) continue;
    seen.add(value);
    out.push([key, value]);
  }
  return out;
}

function exportNamed(loaded: LoadedApp, key: string): unknown {
  return key === 'module.exports' ? loaded.exports : (loaded.exports as Record<string, unknown>)[key];
}

function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

function isComponentClass(value: unknown, host: Host): boolean {
  return typeof value === 'function' && value.prototype instanceof host.react.Component;
}

function isFunctionComponent(value: unknown): boolean {
  return typeof value === 'function' && !isClass(value) && /\b__jsx\(/.test(Function.prototype.toString.call(value));
}

function indexOf(id: string): number {
  return Number(id.slice(id.indexOf('#') + 1));
}
