/**
 * A fake clock for the simulated mini-program host.
 *
 * Why fake time: the behaviour test compares what an app observes before and after the
 * migration, including WHEN it observes it (a `success` moved from the end of a
 * recording to its start is the bug we most want to catch). Real timers would make those
 * traces flaky; a fake clock makes every run identical.
 *
 * Why `advance` is async: app code uses promises (`await Taro.startRecord()`, Promise
 * wrappers in converted code). Promise reactions are V8 microtasks, which only run when
 * the caller yields. After every timer the clock awaits `settle()` (by default a
 * macrotask turn, so the whole microtask queue drains), so a promise chain started by a
 * timer finishes at that timer's fake time, before the next timer runs.
 *
 * Causal tags: a timer remembers the tag that was active when it was scheduled and runs
 * (with its microtask drain) under that tag. The host uses this to mark everything that
 * happens because of one specific event (the `onError` raised by `stop()` while idle).
 */

export type TimerCallback = (...args: unknown[]) => unknown;

interface Timer {
  id: number;
  /** Fake time at which the timer is due. */
  at: number;
  /** Scheduling order, the tie-breaker between timers due at the same time. */
  seq: number;
  fn: TimerCallback;
  args: unknown[];
  /** Repeat period for intervals, undefined for one-shot timers. */
  every?: number;
  tag?: string;
}

export interface ClockOptions {
  /**
   * Runs a timer callback. The host passes a guarded invoker that traces exceptions as
   * the mini-program host would (it reports them, it does not crash). Default: call it.
   */
  invoke?: (fn: TimerCallback, args: unknown[]) => void;
  /** Awaited after every timer (and by `settle`). Default: one macrotask turn. */
  settle?: () => Promise<void>;
}

/** One macrotask turn: every queued microtask (and those they queue) runs first. */
export function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock {
  private time = 0;
  private seq = 0;
  private nextId = 1;
  private readonly timers = new Map<number, Timer>();
  private currentTag: string | undefined;
  private readonly invoke: (fn: TimerCallback, args: unknown[]) => void;
  private settleHook: () => Promise<void>;

  constructor(options: ClockOptions = {}) {
    this.invoke = options.invoke ?? ((fn, args) => void fn(...args));
    this.settleHook = options.settle ?? drainMicrotasks;
  }

  /** Lets the host install its settle step after construction (it needs the clock first). */
  setSettle(settle: () => Promise<void>): void {
    this.settleHook = settle;
  }

  /** Milliseconds since the host was created. */
  now(): number {
    return this.time;
  }

  /** The causal tag of the code running now (see the module comment). */
  get tag(): string | undefined {
    return this.currentTag;
  }

  /** Runs `fn` synchronously under `tag`; timers it schedules inherit the tag. */
  withTag<T>(tag: string | undefined, fn: () => T): T {
    const previous = this.currentTag;
    this.currentTag = tag;
    try {
      return fn();
    } finally {
      this.currentTag = previous;
    }
  }

  setTimeout(fn: TimerCallback, ms?: unknown, ...args: unknown[]): number {
    return this.schedule(fn, delayOf(ms, 0), args, undefined);
  }

  clearTimeout(id?: unknown): void {
    if (typeof id === 'number') this.timers.delete(id);
  }

  /** Intervals are clamped to at least 1 ms (as Node does), so `advance` always ends. */
  setInterval(fn: TimerCallback, ms?: unknown, ...args: unknown[]): number {
    const every = delayOf(ms, 1);
    return this.schedule(fn, every, args, every);
  }

  clearInterval(id?: unknown): void {
    this.clearTimeout(id);
  }

  /** Number of timers still scheduled. */
  pendingTimers(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, running every timer that falls due, in due-time order
   * (scheduling order for ties). Timers scheduled by timers run too if they fall due
   * before the target time. Time is set to each timer's due time while it runs.
   */
  async advance(ms: number): Promise<void> {
    if (!(ms >= 0)) throw new RangeError(`advance(${ms}): ms must be >= 0`);
    const target = this.time + ms;
    await this.settleUnder(undefined);
    for (;;) {
      const next = this.nextDue();
      if (!next || next.at > target) break;
      await this.runTimer(next);
    }
    this.time = target;
  }

  /**
   * Runs timers until none are left, at most `maxTimers` of them (an interval never
   * ends, so the bound turns a hang into a clear error). Returns how many ran.
   */
  async runAll(maxTimers = 10_000): Promise<number> {
    let ran = 0;
    await this.settleUnder(undefined);
    for (;;) {
      const next = this.nextDue();
      if (!next) return ran;
      if (ran >= maxTimers) {
        throw new Error(`runAll: still ${this.timers.size} timer(s) after running ${maxTimers}`);
      }
      await this.runTimer(next);
      ran++;
    }
  }

  /** Drains microtasks (and whatever the host adds to settling) without moving time. */
  settle(): Promise<void> {
    return this.settleUnder(this.currentTag);
  }

  private schedule(fn: TimerCallback, delay: number, args: unknown[], every: number | undefined): number {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const id = this.nextId++;
    this.timers.set(id, { id, at: this.time + delay, seq: this.seq++, fn, args, every, tag: this.currentTag });
    return id;
  }

  private nextDue(): Timer | undefined {
    let best: Timer | undefined;
    for (const t of this.timers.values()) {
      if (!best || t.at < best.at || (t.at === best.at && t.seq < best.seq)) best = t;
    }
    return best;
  }

  private async runTimer(timer: Timer): Promise<void> {
    this.time = timer.at;
    if (timer.every === undefined) {
      this.timers.delete(timer.id);
    } else {
      // Rescheduled before running, so clearInterval inside the callback wins.
      timer.at += timer.every;
      timer.seq = this.seq++;
    }
    this.withTag(timer.tag, () => this.invoke(timer.fn, timer.args));
    await this.settleUnder(timer.tag);
  }

  /** Settles with `tag` active, so microtasks queued by a tagged timer stay tagged. */
  private async settleUnder(tag: string | undefined): Promise<void> {
    const previous = this.currentTag;
    this.currentTag = tag;
    try {
      await this.settleHook();
    } finally {
      this.currentTag = previous;
    }
  }
}

function delayOf(ms: unknown, min: number): number {
  const n = Number(ms);
  return Number.isFinite(n) && n > min ? Math.floor(n) : min;
}
