/**
 * The deprecated `startRecord` / `stopRecord`, exactly as SPEC §1 describes them.
 *
 * - `success` fires at the END of the recording (stopRecord, or the auto-stop after 60 s,
 *   or Android's undocumented `duration` in seconds), with
 *   `{ errMsg: 'startRecord:ok', tempFilePath }`; then `complete` with the same object.
 * - A second start while recording fails (`fail` then `complete`) and the first goes on.
 * - Permission refused: `startRecord:fail auth deny`.
 * - With none of success/fail/complete, startRecord returns a Promise that resolves at the
 *   end or rejects with the fail object; otherwise it returns undefined.
 * - `stopRecord` answers `{ errMsg: 'stopRecord:ok' }` (success, then complete) whether or
 *   not something was recording; while idle it does nothing else.
 *
 * Timing comes from `native.ts` (TIMING), shared with the manager.
 */
import { hasCallbacks, isObject, NativeEnv, NativeRecorder, TIMING } from './native';

export const OLD_ERRORS = {
  recording: "startRecord:fail:audio is recording, don't start record again",
  authDeny: 'startRecord:fail auth deny',
} as const;

/** Old API recordings are silk files (SPEC §1). */
const SILK = 'silk';
const DEFAULT_SECONDS = 60;
const MAX_SECONDS = 600;

export class OldRecordApi {
  /** How many times the app called each API (for the behaviour test's checks and probes). */
  readonly calls = { startRecord: 0, stopRecord: 0 };
  private readonly native: NativeRecorder;

  constructor(private readonly env: NativeEnv) {
    this.native = new NativeRecorder(env);
  }

  startRecord(options?: unknown): Promise<unknown> | undefined {
    this.calls.startRecord++;
    const { env } = this;
    const opts = isObject(options) ? options : {};

    let settle: { resolve(value: unknown): void; reject(reason: unknown): void } | undefined;
    let promise: Promise<unknown> | undefined;
    if (!hasCallbacks(opts)) {
      promise = new env.Promise((resolve, reject) => {
        settle = { resolve, reject };
      });
    }
    const succeed = (res: { errMsg: string; tempFilePath: string }): void => {
      env.callback(opts.success, res);
      env.callback(opts.complete, res);
      settle?.resolve(res);
    };
    const fail = (errMsg: string): void => {
      env.clock.setTimeout(() => {
        const res = { errMsg };
        env.callback(opts.fail, res);
        env.callback(opts.complete, res);
        settle?.reject(res);
      }, TIMING.ERROR_DELAY_MS);
    };

    if (env.options.permissionDenied) {
      fail(OLD_ERRORS.authDeny);
    } else if (this.native.state !== 'idle') {
      fail(OLD_ERRORS.recording);
    } else {
      this.native.begin(this.durationMs(opts.duration), SILK, {
        started: () => undefined,
        ended: ({ tempFilePath }) => succeed({ errMsg: 'startRecord:ok', tempFilePath }),
      });
    }
    return promise;
  }

  /**
   * Stops a recording if there is one; a stop during the start latency takes effect once
   * the recorder has started (the old API never loses it). Always answers
   * `stopRecord:ok`, asynchronously, before the recording's own `success` arrives.
   * Returns undefined (Taro types it `void`; SPEC documents no Promise form for it).
   */
  stopRecord(options?: unknown): undefined {
    this.calls.stopRecord++;
    const { env } = this;
    const opts = isObject(options) ? options : {};
    this.native.stop(false);
    env.clock.setTimeout(() => {
      const res = { errMsg: 'stopRecord:ok' };
      env.callback(opts.success, res);
      env.callback(opts.complete, res);
    }, TIMING.ACK_DELAY_MS);
    return undefined;
  }

  /** Android reads `duration` in seconds: missing or <= 0 -> 60, > 600 -> 600. iOS: always 60. */
  private durationMs(duration: unknown): number {
    if (this.env.options.platform !== 'android') return DEFAULT_SECONDS * 1000;
    if (typeof duration !== 'number' || !(duration > 0)) return DEFAULT_SECONDS * 1000;
    return Math.min(duration, MAX_SECONDS) * 1000;
  }
}
