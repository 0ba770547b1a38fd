/**
 * Unhandled promise rejections, detected deterministically.
 *
 * Why not `process.on('unhandledRejection')`: jest 30 owns that event (it fails the test
 * and hides it from listeners inside the test), and it fires on Node's schedule, not the
 * fake clock's. Instead, every promise the app can create is a `TrackedPromise`:
 *
 * - the app's global `Promise` is this class, and `load.ts` compiles app code to ES2016,
 *   so `async` functions become `__awaiter(..., Promise, ...)` and use it too;
 * - the fake host APIs (startRecord's Promise form, Taro's promisified APIs) return it.
 *
 * A tracked promise counts as handled once anything calls its `then` (which `catch`,
 * `finally`, `await` and `Promise.all` all do), exactly V8's rule. Derived promises
 * are tracked too (species). A rejected, unhandled promise is reported when the host
 * settles (after the microtask queue drains), like V8 reports at the end of a tick.
 *
 * Each tracked promise also carries an internal observer, so V8 itself never sees an
 * unhandled rejection from app code and jest never fails a test for a behaviour that
 * the trace records on purpose.
 */

export interface RejectionTracker {
  /** The Promise class for the app's global scope and for the fake APIs. */
  readonly Promise: PromiseConstructor;
  /** Reasons of tracked promises rejected with no handler since the last call. */
  takeUnhandled(): unknown[];
}

export function createRejectionTracker(): RejectionTracker {
  /** Rejected, not (yet) handled, not yet reported; in rejection order. */
  const pending = new Map<Promise<unknown>, unknown>();
  /** True while the constructor attaches its own observer (that `then` is not the app's). */
  let attachingObserver = false;

  class TrackedPromise<T> extends Promise<T> {
    private handled = false;

    constructor(executor: (resolve: (value: T | PromiseLike<T>) => void, reject: (reason?: unknown) => void) => void) {
      super(executor);
      // The observer's own derived promise is built through this constructor (species);
      // it never rejects, so it needs no observer of its own.
      if (attachingObserver) return;
      attachingObserver = true;
      try {
        Promise.prototype.then.call(this, undefined, (reason: unknown) => {
          if (!this.handled) pending.set(this, reason);
        });
      } finally {
        attachingObserver = false;
      }
    }

    override then<R1 = T, R2 = never>(
      onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
      onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
    ): Promise<R1 | R2> {
      this.handled = true;
      pending.delete(this);
      return super.then(onfulfilled, onrejected);
    }
  }

  return {
    Promise: TrackedPromise as unknown as PromiseConstructor,
    takeUnhandled(): unknown[] {
      const reasons = [...pending.values()];
      pending.clear();
      return reasons;
    },
  };
}
