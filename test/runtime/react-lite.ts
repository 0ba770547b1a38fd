/**
 * Just enough React for Taro pages to run in the simulation: a `createElement` that keeps
 * props (the driver finds event handlers in the rendered tree), a class `Component` whose
 * `setState` is traced, and hooks for function components.
 *
 * Hooks follow React's rules closely enough for recording code: state lives in slots by
 * call order; a state change marks the component dirty and the host re-renders it when it
 * settles (after the current task and its microtasks), then runs effects whose deps
 * changed. Rendering is not traced (no DOM); state updates are, since they are what a
 * user would see.
 */
import type { NativeEnv } from './native';
import { toJson } from './trace';

export interface Element {
  /** Tag name ('View') or the component's name for custom components. */
  type: string;
  props: Record<string, unknown>;
}

export const Fragment = 'Fragment';

export function createElement(type: unknown, props: unknown, ...children: unknown[]): Element {
  const name =
    typeof type === 'string' ? type : typeof type === 'function' ? type.name || 'Anonymous' : String(type);
  const own = typeof props === 'object' && props !== null ? { ...(props as Record<string, unknown>) } : {};
  if (children.length > 0) own.children = children.length === 1 ? children[0] : children;
  return { type: name, props: own };
}

export function isElement(value: unknown): value is Element {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Element).type === 'string' &&
    typeof (value as Element).props === 'object'
  );
}

/** Taro's page lifecycle hooks, keyed by hook name. */
export const TARO_LIFECYCLE_HOOKS = [
  'useLoad',
  'useReady',
  'useDidShow',
  'useDidHide',
  'useUnload',
  'usePullDownRefresh',
  'useReachBottom',
  'usePageScroll',
  'useShareAppMessage',
] as const;
export type TaroLifecycleHook = (typeof TARO_LIFECYCLE_HOOKS)[number];

type Slot =
  | { kind: 'state'; value: unknown }
  | { kind: 'ref'; ref: { current: unknown } }
  | { kind: 'memo'; deps: unknown[] | undefined; value: unknown }
  | { kind: 'effect'; deps: unknown[] | undefined; cleanup: unknown };

/** Collects lifecycle callbacks registered by hooks (Vue `<script setup>`, vue-lite.ts). */
export interface LifecycleScope {
  useLifecycle(hook: string, cb: unknown): void;
}

/** The component whose render is running, for the hooks to find (one per host). */
export interface HookDispatcher {
  current: FunctionComponentInstance | null;
  /**
   * The Vue setup() running now (`<script setup>` or a `setup` option), if any: Taro's
   * lifecycle hooks (`useLoad`, `useUnload`...) called there register on it.
   */
  setup?: LifecycleScope | null;
}

export class FunctionComponentInstance {
  private readonly slots: Slot[] = [];
  private cursor = 0;
  private dirty = false;
  private pendingEffects: Array<{ slot: Extract<Slot, { kind: 'effect' }>; effect: unknown }> = [];
  /** Last callback registered per Taro lifecycle hook. */
  readonly lifecycle = new Map<TaroLifecycleHook, unknown>();
  tree: unknown = null;
  private unmounted = false;

  constructor(
    private readonly env: NativeEnv,
    private readonly dispatcher: HookDispatcher,
    private readonly component: (props: Record<string, unknown>) => unknown,
    readonly name: string,
    private readonly props: Record<string, unknown> = {},
  ) {}

  /** Renders (exceptions propagate to the caller), then runs due effects. */
  render(): void {
    if (this.dispatcher.current) throw new Error('nested render');
    this.dispatcher.current = this;
    this.cursor = 0;
    try {
      this.tree = this.component(this.props);
    } finally {
      this.dispatcher.current = null;
    }
    this.dirty = false;
    const effects = this.pendingEffects;
    this.pendingEffects = [];
    for (const { slot, effect } of effects) {
      if (typeof slot.cleanup === 'function') this.env.callback(slot.cleanup);
      slot.cleanup = undefined;
      this.runEffect(slot, effect);
    }
  }

  /** Re-renders if a state update happened since the last render. True if it did. */
  renderIfDirty(): boolean {
    if (!this.dirty || this.unmounted) return false;
    this.render();
    return true;
  }

  unmount(): void {
    this.unmounted = true;
    for (const slot of this.slots) {
      if (slot.kind === 'effect' && typeof slot.cleanup === 'function') this.env.callback(slot.cleanup);
    }
  }

  // ---- hooks (called through the fake 'react' / '@tarojs/taro' modules) ----

  useState(initial: unknown): [unknown, (next: unknown) => void] {
    const slot = this.slot('state', () => ({
      kind: 'state' as const,
      value: typeof initial === 'function' ? (initial as () => unknown)() : initial,
    }));
    const set = (next: unknown): void => {
      const value = typeof next === 'function' ? (next as (prev: unknown) => unknown)(slot.value) : next;
      this.env.trace.record({ kind: 'setState', target: this.name, data: toJson(value) });
      if (!Object.is(value, slot.value)) {
        slot.value = value;
        this.dirty = true;
      }
    };
    return [slot.value, set];
  }

  useReducer(reducer: unknown, initial: unknown): [unknown, (action: unknown) => void] {
    const [state, set] = this.useState(initial);
    return [state, (action) => set((prev: unknown) => (reducer as (s: unknown, a: unknown) => unknown)(prev, action))];
  }

  useRef(initial: unknown): { current: unknown } {
    return this.slot('ref', () => ({ kind: 'ref' as const, ref: { current: initial } })).ref;
  }

  useMemo(factory: unknown, deps: unknown): unknown {
    const list = Array.isArray(deps) ? deps : undefined;
    const isNew = this.slots[this.cursor] === undefined;
    const slot = this.slot('memo', () => ({ kind: 'memo' as const, deps: undefined, value: undefined }));
    if (isNew || list === undefined || slot.deps === undefined || !sameDeps(slot.deps, list)) {
      slot.value = (factory as () => unknown)();
      slot.deps = list;
    }
    return slot.value;
  }

  useCallback(fn: unknown, deps: unknown): unknown {
    return this.useMemo(() => fn, deps);
  }

  useEffect(effect: unknown, deps: unknown): void {
    const list = Array.isArray(deps) ? deps : undefined;
    const isNew = this.slots[this.cursor] === undefined;
    const slot = this.slot('effect', () => ({ kind: 'effect' as const, deps: undefined, cleanup: undefined }));
    if (isNew || list === undefined || slot.deps === undefined || !sameDeps(slot.deps, list)) {
      slot.deps = list;
      this.pendingEffects.push({ slot, effect });
    }
  }

  /** Taro page lifecycle hooks: the driver calls the last registered callback. */
  useLifecycle(hook: TaroLifecycleHook, cb: unknown): void {
    this.lifecycle.set(hook, cb);
  }

  private runEffect(slot: Extract<Slot, { kind: 'effect' }>, effect: unknown): void {
    if (typeof effect !== 'function') return;
    try {
      slot.cleanup = (effect as () => unknown)();
    } catch (e) {
      this.env.trace.error('callback', e);
    }
  }

  private slot<K extends Slot['kind']>(
    kind: K,
    create: () => Extract<Slot, { kind: K }>,
  ): Extract<Slot, { kind: K }> {
    const index = this.cursor++;
    let slot = this.slots[index];
    if (slot === undefined) {
      slot = create();
      this.slots[index] = slot;
    }
    if (slot.kind !== kind) {
      throw new Error(`${this.name}: hook order changed between renders (slot ${index} was ${slot.kind}, now ${kind})`);
    }
    return slot as Extract<Slot, { kind: K }>;
  }
}

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/**
 * The fake 'react' module for one host. Hooks delegate to the component being rendered.
 * `Component` is the class base shared with '@tarojs/taro' (Taro 1/2 and 3 classes).
 */
export function createReactLite(env: NativeEnv, dispatcher: HookDispatcher) {
  const current = (hook: string): FunctionComponentInstance => {
    if (!dispatcher.current) throw new Error(`${hook} called outside a function component render`);
    return dispatcher.current;
  };

  class Component {
    props: Record<string, unknown>;
    state: Record<string, unknown> = {};
    context: unknown = undefined;
    refs: Record<string, unknown> = {};
    /** Taro 1/2 class pages read `this.$router.params`. */
    $router = { params: {} as Record<string, unknown> };

    constructor(props?: Record<string, unknown>) {
      this.props = props ?? {};
    }

    /** Traced, merged at once; the callback runs asynchronously (after the update). */
    setState(update: unknown, callback?: unknown): void {
      const partial =
        typeof update === 'function'
          ? (update as (s: unknown, p: unknown) => unknown).call(undefined, this.state, this.props)
          : update;
      env.trace.record({ kind: 'setState', target: this.constructor.name, data: toJson(partial) });
      if (typeof partial === 'object' && partial !== null) this.state = { ...this.state, ...partial };
      if (typeof callback === 'function') {
        env.clock.setTimeout(() => env.callback(callback.bind(this)), 0);
      }
    }

    forceUpdate(): void {
      // Nothing renders, so there is nothing to update.
    }
  }

  const react = {
    __esModule: true,
    default: undefined as unknown,
    Component,
    PureComponent: Component,
    Fragment,
    createElement,
    memo: (c: unknown) => c,
    forwardRef: (c: unknown) => c,
    createContext: (value: unknown) => ({ Provider: 'Provider', Consumer: 'Consumer', _value: value }),
    useContext: (ctx: unknown) => (ctx as { _value?: unknown } | undefined)?._value,
    useState: (initial?: unknown) => current('useState').useState(initial),
    useReducer: (reducer: unknown, initial: unknown) => current('useReducer').useReducer(reducer, initial),
    useRef: (initial?: unknown) => current('useRef').useRef(initial),
    useMemo: (factory: unknown, deps?: unknown) => current('useMemo').useMemo(factory, deps),
    useCallback: (fn: unknown, deps?: unknown) => current('useCallback').useCallback(fn, deps),
    useEffect: (effect: unknown, deps?: unknown) => current('useEffect').useEffect(effect, deps),
    useLayoutEffect: (effect: unknown, deps?: unknown) => current('useLayoutEffect').useEffect(effect, deps),
  };
  react.default = react;

  const taroHooks: Record<string, unknown> = {};
  for (const hook of TARO_LIFECYCLE_HOOKS) {
    taroHooks[hook] = (cb: unknown) =>
      !dispatcher.current && dispatcher.setup
        ? dispatcher.setup.useLifecycle(hook, cb)
        : current(hook).useLifecycle(hook, cb);
  }
  taroHooks.useRouter = () => ({ params: {}, path: '/pages/index/index' });

  return { react, Component, taroHooks };
}

export type ReactLite = ReturnType<typeof createReactLite>;
