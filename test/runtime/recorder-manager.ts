/**
 * The replacement API, `getRecorderManager()`, as SPEC §2 describes it.
 *
 * - One global manager per host (the host hands out the same object on every call).
 * - Every `onX(cb)` REPLACES the previous listener of X (WeChat's base library removes
 *   all listeners of X, then adds cb). There are no `off*` methods.
 * - `start()` fills the base library's defaults and throws synchronously on a bad
 *   sampleRate or an encodeBitRate outside its sample rate's band. `duration` (ms)
 *   defaults to 60000 and is capped at 600000.
 * - Errors reach `onError` as `operateRecorder:fail...`; in particular `stop()` while idle
 *   raises `operateRecorder:fail:audio is stop, don't stop record again`, which the old
 *   `stopRecord()` never did. That dispatch runs under the causal tag IDLE_STOP_TAG so the
 *   behaviour test can tell its consequences apart (SPEC §4's known difference).
 * - A listener is looked up when the event is delivered, not when the recording started:
 *   whoever registered last owns the events.
 *
 * Timing comes from `native.ts` (TIMING), shared with the old API.
 */
import { isObject, NativeEnv, NativeRecorder, TIMING } from './native';

export const MANAGER_ERRORS = {
  idleStop: "operateRecorder:fail:audio is stop, don't stop record again",
  recording: "operateRecorder:fail:audio is recording, don't start record again",
  authDeny: 'operateRecorder:fail auth deny',
  // Not in SPEC: the simulation's choice for pause()/resume() in the wrong state.
  notRecording: 'operateRecorder:fail:audio is not recording',
} as const;

/** Tag of trace entries caused by the onError that `stop()` while idle raises. */
export const IDLE_STOP_TAG = 'idle-stop-error';

export const EVENT_NAMES = [
  'Start',
  'Stop',
  'Error',
  'Pause',
  'Resume',
  'FrameRecorded',
  'InterruptionBegin',
  'InterruptionEnd',
] as const;
export type RecorderEvent = (typeof EVENT_NAMES)[number];

/** Allowed sample rates and, for each, the encodeBitRate band [min, max] (SPEC §2). */
export const BITRATE_BANDS: ReadonlyMap<number, readonly [number, number]> = new Map([
  [8000, [16000, 48000]],
  [11025, [16000, 48000]],
  [12000, [24000, 64000]],
  [16000, [24000, 96000]],
  [22050, [32000, 128000]],
  [24000, [32000, 128000]],
  [32000, [48000, 192000]],
  [44100, [64000, 320000]],
  [48000, [64000, 320000]],
]);

export const START_DEFAULTS = {
  duration: 60000,
  sampleRate: 8000,
  numberOfChannels: 2,
  encodeBitRate: 48000,
  format: 'aac',
  audioSource: 'auto',
} as const;
const MAX_DURATION_MS = 600000;

/** File extension per `format` ('PCM' files are raw .pcm). */
function extensionOf(format: unknown): string {
  return typeof format === 'string' ? format.toLowerCase() : START_DEFAULTS.format;
}

export class FakeRecorderManager {
  private readonly listeners = new Map<RecorderEvent, unknown>();
  private readonly native: NativeRecorder;

  constructor(private readonly env: NativeEnv) {
    this.native = new NativeRecorder(env);
  }

  onStart(cb: unknown): void {
    this.listen('Start', cb);
  }
  onStop(cb: unknown): void {
    this.listen('Stop', cb);
  }
  onError(cb: unknown): void {
    this.listen('Error', cb);
  }
  onPause(cb: unknown): void {
    this.listen('Pause', cb);
  }
  onResume(cb: unknown): void {
    this.listen('Resume', cb);
  }
  /** Accepted but never fired: the simulation records no frames. */
  onFrameRecorded(cb: unknown): void {
    this.listen('FrameRecorded', cb);
  }
  /** Accepted but never fired: the simulation has no phone calls. */
  onInterruptionBegin(cb: unknown): void {
    this.listen('InterruptionBegin', cb);
  }
  onInterruptionEnd(cb: unknown): void {
    this.listen('InterruptionEnd', cb);
  }

  start(options?: unknown): void {
    const opts = isObject(options) ? options : {};
    // Validation happens in the base library's JavaScript, before any native call, so it
    // throws even while recording or without permission.
    const sampleRate = opts.sampleRate ?? START_DEFAULTS.sampleRate;
    const encodeBitRate = opts.encodeBitRate ?? START_DEFAULTS.encodeBitRate;
    const band = typeof sampleRate === 'number' ? BITRATE_BANDS.get(sampleRate) : undefined;
    if (!band) {
      throw new Error(`operateRecorder:fail invalid sampleRate ${String(sampleRate)}`);
    }
    if (typeof encodeBitRate !== 'number' || encodeBitRate < band[0] || encodeBitRate > band[1]) {
      throw new Error(
        `operateRecorder:fail invalid encodeBitRate ${String(encodeBitRate)} for sampleRate ${sampleRate} (${band[0]}..${band[1]})`,
      );
    }

    if (this.env.options.permissionDenied) return this.error(MANAGER_ERRORS.authDeny);
    if (this.native.state !== 'idle') return this.error(MANAGER_ERRORS.recording);

    const bitRate = encodeBitRate;
    this.native.begin(durationMs(opts.duration), extensionOf(opts.format ?? START_DEFAULTS.format), {
      started: () => this.emit('Start'),
      ended: ({ tempFilePath, duration }) =>
        this.emit('Stop', { tempFilePath, duration, fileSize: Math.round(((duration / 1000) * bitRate) / 8) }),
    });
  }

  stop(): void {
    const outcome = this.native.stop(this.env.options.stopBeforeStartIsLost);
    if (outcome === 'idle') {
      this.env.clock.withTag(IDLE_STOP_TAG, () => this.error(MANAGER_ERRORS.idleStop));
    }
  }

  pause(): void {
    if (this.native.pause()) this.ack('Pause');
    else this.error(MANAGER_ERRORS.notRecording);
  }

  resume(): void {
    if (this.native.resume()) this.ack('Resume');
    else this.error(MANAGER_ERRORS.notRecording);
  }

  private listen(event: RecorderEvent, cb: unknown): void {
    // "Remove all listeners of X, then add cb" (WeChat base library 2.30.3).
    this.listeners.delete(event);
    if (typeof cb === 'function') this.listeners.set(event, cb);
  }

  private emit(event: RecorderEvent, ...args: unknown[]): void {
    this.env.callback(this.listeners.get(event), ...args);
  }

  private error(errMsg: string): void {
    this.env.clock.setTimeout(() => this.emit('Error', { errMsg }), TIMING.ERROR_DELAY_MS);
  }

  private ack(event: RecorderEvent): void {
    this.env.clock.setTimeout(() => this.emit(event), TIMING.ACK_DELAY_MS);
  }
}

/** `duration` in ms: missing or not a positive number -> 60000; above 600000 -> 600000. */
function durationMs(duration: unknown): number {
  if (typeof duration !== 'number' || !(duration > 0)) return START_DEFAULTS.duration;
  return Math.min(duration, MAX_DURATION_MS);
}
