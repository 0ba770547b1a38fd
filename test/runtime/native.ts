/**
 * The native side shared by the two recording APIs: one microphone session model, its
 * timing, and the temp-file names. `old-api.ts` (startRecord/stopRecord) and
 * `recorder-manager.ts` (getRecorderManager) are thin front-ends over it, so that when the
 * behaviour test compares an app before and after the migration, the only differences
 * left are the ones the two front-ends really have (SPEC §1 vs §2), not accidents of two
 * separately written timers.
 *
 * Each front-end owns its own NativeRecorder: SPEC §6 reports that `stopRecord()` does not
 * stop a recording started through the manager, so the two are separate sessions.
 */
import type { FakeClock } from './clock';
import type { Trace } from './trace';

/**
 * Every timing choice of the simulation, in one place.
 *
 * - START_LATENCY_MS: SPEC §2 "onStart arrives about 300 ms after start()". The old API
 *   runs on the same native recorder, so it has the same latency; it just has no event
 *   to show it. A stop that arrives during this window takes effect when the recorder
 *   has started (both APIs), unless the host option `stopBeforeStartIsLost` is set, which
 *   models SPEC's "a stop() issued before it may be lost" for the manager.
 * - END_DELAY_MS: the file is delivered (old `success`, new `onStop`) 50 ms after the stop
 *   takes effect (an explicit stop, or the auto-stop at the duration).
 * - ERROR_DELAY_MS: errors (old `fail`, new `onError`) arrive 10 ms after the call that
 *   caused them: asynchronously, never inside the caller's stack, and clearly before any
 *   end event.
 * - ACK_DELAY_MS: plain acknowledgements (stopRecord's `stopRecord:ok`, onPause/onResume,
 *   other host APIs' success) are asynchronous too but at the same fake time (a 0 ms timer).
 * - The auto-stop is measured from the start CALL (old: 60 s or Android `duration` s; new:
 *   `duration` ms), so both APIs end a default recording at 60 000 ms and deliver at
 *   60 050 ms. The reported `duration` is the time from the start call to the stop.
 */
export const TIMING = {
  START_LATENCY_MS: 300,
  END_DELAY_MS: 50,
  ERROR_DELAY_MS: 10,
  ACK_DELAY_MS: 0,
} as const;

export interface HostOptions {
  /** The user refused `scope.record`: every start fails with `... auth deny`. */
  permissionDenied?: boolean;
  /** Android honours startRecord's undocumented `duration` (seconds); iOS ignores it. */
  platform?: 'android' | 'ios';
  /** A manager `stop()` before `onStart` is dropped (SPEC §2 "may be lost"). Default false. */
  stopBeforeStartIsLost?: boolean;
  /**
   * When `playVoice`'s success/complete fire (SPEC §8, disputed): 'at-end' (devices, and
   * what real code assumes: "finished playing") or 'at-start' (reported for the
   * simulator). Default 'at-end'.
   */
  voiceCallbacks?: 'at-end' | 'at-start';
}

export type ResolvedHostOptions = Required<HostOptions>;

export function resolveHostOptions(options: HostOptions = {}): ResolvedHostOptions {
  return {
    permissionDenied: options.permissionDenied ?? false,
    platform: options.platform ?? 'android',
    stopBeforeStartIsLost: options.stopBeforeStartIsLost ?? false,
    voiceCallbacks: options.voiceCallbacks ?? 'at-end',
  };
}

const TMP_PREFIX = 'wxfile://tmp/';
/** Where the host's `wx.saveFile` moves a temp file (host.ts keeps the rest of the name). */
const STORE_PREFIX = 'wxfile://store/';

/**
 * Temp file names from one counter per host, shared by both APIs (so runs line up), and
 * how long each delivered recording is, so that playing it back (voice.ts) lasts as long
 * as what was recorded, whichever API recorded it.
 */
export class TempFiles {
  private count = 0;
  /** Recording length in ms, by the name after the tmp/store prefix. */
  private readonly lengths = new Map<string, number>();

  /**
   * `wxfile://tmp/record_<n>.<ext>`; n counts delivered recordings from 1. `lengthMs` is
   * the recording's length (start call to stop).
   */
  next(ext: string, lengthMs: number): string {
    this.count++;
    const path = `${TMP_PREFIX}record_${this.count}.${ext}`;
    this.lengths.set(storedName(path), lengthMs);
    return path;
  }

  /**
   * The recorded length of `path` in ms, also under the name `wx.saveFile` gives it;
   * undefined for anything that is not a recording of this host.
   */
  recordedLength(path: string): number | undefined {
    return this.lengths.get(storedName(path));
  }
}

/** A tmp or store path without its prefix: a saved recording keeps its temp name. */
function storedName(path: string): string {
  for (const prefix of [TMP_PREFIX, STORE_PREFIX]) if (path.startsWith(prefix)) return path.slice(prefix.length);
  // Not a host file path: keyed by the whole string, which no recording has.
  return `external:${path}`;
}

/** What the front-ends need from the host. */
export interface NativeEnv {
  readonly clock: FakeClock;
  readonly trace: Trace;
  readonly files: TempFiles;
  readonly options: ResolvedHostOptions;
  /** The app realm's (tracked) Promise class. */
  readonly Promise: PromiseConstructor;
  /**
   * Calls app code the way the host does: `this` undefined, exceptions reported to the
   * trace as 'callback' errors instead of escaping into the host. Not a function: no-op.
   */
  callback(fn: unknown, ...args: unknown[]): void;
}

export type RecorderState = 'idle' | 'starting' | 'recording' | 'paused';

export interface RecordingEnd {
  tempFilePath: string;
  /** ms from the start call to the moment the stop took effect. */
  duration: number;
}

export interface SessionEvents {
  /** The native recorder is running (the manager's onStart). */
  started(): void;
  /** The file is ready (old success, new onStop). */
  ended(end: RecordingEnd): void;
}

/** What a stop request did. */
export type StopOutcome =
  /** The recording stopped now; `ended` follows after END_DELAY_MS. */
  | 'stopped'
  /** Before the recorder started: it stops as soon as it has started. */
  | 'deferred'
  /** Before the recorder started, and the host loses such stops. */
  | 'lost'
  /** Nothing was recording. */
  | 'idle';

interface Session {
  state: Exclude<RecorderState, 'idle'>;
  startedAt: number;
  ext: string;
  events: SessionEvents;
  stopRequested: boolean;
  startTimer: number;
  autoStopTimer: number;
}

export class NativeRecorder {
  private session: Session | null = null;

  constructor(private readonly env: NativeEnv) {}

  get state(): RecorderState {
    return this.session?.state ?? 'idle';
  }

  /** Starts a session. The caller has checked that the state is 'idle'. */
  begin(durationMs: number, ext: string, events: SessionEvents): void {
    const { clock } = this.env;
    if (this.session) throw new Error('NativeRecorder.begin while a session is active');
    const session: Session = {
      state: 'starting',
      startedAt: clock.now(),
      ext,
      events,
      stopRequested: false,
      startTimer: 0,
      autoStopTimer: 0,
    };
    this.session = session;
    session.startTimer = clock.setTimeout(() => {
      session.state = 'recording';
      session.events.started();
      if (session.stopRequested && this.session === session) this.finish(session);
    }, TIMING.START_LATENCY_MS);
    session.autoStopTimer = clock.setTimeout(() => {
      // The auto-stop is never lost, even when it falls before the recorder started.
      if (session.state === 'starting') session.stopRequested = true;
      else this.finish(session);
    }, durationMs);
  }

  stop(loseIfStarting: boolean): StopOutcome {
    const session = this.session;
    if (!session) return 'idle';
    if (session.state === 'starting') {
      if (loseIfStarting) return 'lost';
      session.stopRequested = true;
      return 'deferred';
    }
    this.finish(session);
    return 'stopped';
  }

  pause(): boolean {
    if (this.session?.state !== 'recording') return false;
    this.session.state = 'paused';
    return true;
  }

  resume(): boolean {
    if (this.session?.state !== 'paused') return false;
    this.session.state = 'recording';
    return true;
  }

  /**
   * The stop takes effect: the microphone is free at once (a new start is accepted, a
   * further stop finds nothing recording) and the file follows after END_DELAY_MS.
   */
  private finish(session: Session): void {
    const { clock } = this.env;
    clock.clearTimeout(session.autoStopTimer);
    this.session = null;
    const duration = clock.now() - session.startedAt;
    clock.setTimeout(() => {
      session.events.ended({ tempFilePath: this.env.files.next(session.ext, duration), duration });
    }, TIMING.END_DELAY_MS);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function hasCallbacks(options: unknown): boolean {
  return isObject(options) && ['success', 'fail', 'complete'].some((k) => typeof options[k] === 'function');
}
