/**
 * Playing sound back, as SPEC §8 describes it: the deprecated `playVoice` / `pauseVoice` /
 * `stopVoice` and their replacement, `createInnerAudioContext()`.
 *
 * Why this is simulated at all: a page that records usually plays the recording back, and
 * after the recording moves to `getRecorderManager()` (aac) a `playVoice` of the new file
 * fails (playVoice plays silk only; InnerAudioContext plays everything but silk). The
 * behaviour test must see that, and must see that a page whose playback moved too sounds
 * the same as before.
 *
 * What the user hears is the trace ('sound' entries: start / pause / stop / end of a file
 * at a playback position). The APIs themselves are not traced as calls: the old and the
 * new API make identical entries for identical audible behaviour, because both front-ends
 * drive the same `Channel` model. One Channel is one voice the user can hear:
 * - the old API has ONE per host object (`wx`, `qq`, `swan`): a new `playVoice`
 *   interrupts the previous one (SPEC §8 "one voice at a time");
 * - every InnerAudioContext has its own (it is not a singleton: two contexts sound at
 *   once, which the trace shows as two `start`s with no `stop` between).
 *
 * File lengths: a recording delivered by either recording API lasts what was recorded
 * (TempFiles remembers it, also under its `saveFile` name); anything else (a download, a
 * URL, a literal) lasts OTHER_FILE_LENGTH_MS. A file's format is its extension.
 *
 * Timing comes from native.ts (TIMING): errors after ERROR_DELAY_MS, acknowledgements and
 * events such as onPlay after ACK_DELAY_MS; sound changes happen at the call itself.
 */
import { hasCallbacks, isObject, NativeEnv, TIMING } from './native';

/** Length of a file that is not a recording of this host (downloads, URLs, literals). */
export const OTHER_FILE_LENGTH_MS = 5000;

/** playVoice's default `duration` (seconds), which caps playback (SPEC §8). */
const DEFAULT_VOICE_SECONDS = 60;

export const VOICE_ERRORS = {
  /** playVoice of a file that is not silk (SPEC §8: nothing shows it playing aac or mp3). */
  format: 'playVoice:fail file format not supported',
  /** No filePath, or not a string: the host's usual parameter check. */
  parameter: 'playVoice:fail parameter error: parameter.filePath should be String',
} as const;

/** InnerAudioContext's onError for silk (SPEC §8: MediaError 10004). */
export const MEDIA_FORMAT_ERROR = { errCode: 10004, errMsg: 'MediaError: format not supported' } as const;

/** The format of a path: its extension, lower case, without a URL's query or hash ('' if none). */
export function formatOf(path: string): string {
  const m = /\.([A-Za-z0-9]+)(?:[?#][^/]*)?$/.exec(path);
  return m ? m[1].toLowerCase() : '';
}

/** How long `path` plays, in ms (see the module comment). */
export function lengthOf(env: NativeEnv, path: string): number {
  return env.files.recordedLength(path) ?? OTHER_FILE_LENGTH_MS;
}

export type ChannelState = 'idle' | 'playing' | 'paused';

/**
 * One voice the user can hear: which file sounds, where in it, and when it ends. It traces
 * every audible change; the front-ends decide what calls mean and what app code to call.
 */
class Channel {
  private current: string | undefined;
  private mode: ChannelState = 'idle';
  /** Position (ms) when the current stretch of playing began; while idle, where play starts. */
  private offset = 0;
  /** Fake time the current stretch of playing began. */
  private since = 0;
  /** Position at which playback ends by itself (the file's end, or a cap). */
  private endAt = 0;
  private endTimer = 0;
  /** The loaded file's length (ms): an end before it (playVoice's duration cap) is heard as a stop. */
  private length = 0;
  private onEnd: (() => void) | undefined;

  constructor(private readonly env: NativeEnv) {}

  get state(): ChannelState {
    return this.mode;
  }

  /** The file playing or paused (undefined while idle). */
  get file(): string | undefined {
    return this.current;
  }

  /** Playback position now, in ms. */
  get position(): number {
    if (this.mode !== 'playing') return this.offset;
    return Math.min(this.endAt, this.offset + (this.env.clock.now() - this.since));
  }

  /** Starts `file` at `from`; it ends by itself at `endAt`, then `onEnd` runs. Channel must be idle. */
  start(file: string, from: number, endAt: number, onEnd: () => void, length = endAt): void {
    if (this.mode !== 'idle') throw new Error('Channel.start while a file is loaded: stop it first');
    this.current = file;
    this.length = length;
    this.offset = from;
    this.run(endAt, onEnd);
  }

  /** Resumes the paused file where it paused, with a new end point and end handler. */
  resume(endAt: number, onEnd: () => void): void {
    if (this.mode !== 'paused') throw new Error('Channel.resume while not paused');
    this.run(endAt, onEnd);
  }

  /** Pauses a playing file; false (and nothing audible) if nothing plays. */
  pause(): boolean {
    if (this.mode !== 'playing') return false;
    this.offset = this.position;
    this.env.clock.clearTimeout(this.endTimer);
    this.mode = 'paused';
    this.env.trace.sound('pause', this.current as string, this.offset);
    return true;
  }

  /**
   * Cuts a playing or paused file off (its end handler never runs) and rewinds to 0.
   * Returns whether something was cut; rewinds either way.
   */
  stop(): boolean {
    const cut = this.mode !== 'idle';
    if (cut) this.env.trace.sound('stop', this.current as string, this.position);
    this.env.clock.clearTimeout(this.endTimer);
    this.reset();
    return cut;
  }

  /** Moves the position: a playing file goes on from there (its end is rescheduled). */
  seek(ms: number): void {
    if (this.mode === 'playing') {
      this.env.clock.clearTimeout(this.endTimer);
      this.offset = ms;
      this.schedule();
    } else {
      this.offset = ms;
    }
  }

  private run(endAt: number, onEnd: () => void): void {
    // A cap below the resume point ends playback at once, where it stands.
    this.endAt = Math.max(this.offset, endAt);
    this.onEnd = onEnd;
    this.mode = 'playing';
    this.env.trace.sound('start', this.current as string, this.offset);
    this.schedule();
  }

  private schedule(): void {
    this.since = this.env.clock.now();
    this.endTimer = this.env.clock.setTimeout(() => this.finish(), Math.max(0, this.endAt - this.offset));
  }

  private finish(): void {
    const onEnd = this.onEnd;
    // The user hears a stop where a cap cuts the file short, an end where the file ends.
    this.env.trace.sound(this.endAt >= this.length ? 'end' : 'stop', this.current as string, this.endAt);
    this.reset();
    onEnd?.();
  }

  private reset(): void {
    this.mode = 'idle';
    this.current = undefined;
    this.offset = 0;
    this.onEnd = undefined;
  }
}

/** One playVoice call's way back to the app: its callbacks and, without them, its Promise. */
interface VoiceCall {
  opts: Record<string, unknown>;
  settle?: { resolve(value: unknown): void; reject(reason: unknown): void };
}

/**
 * The deprecated `playVoice` / `pauseVoice` / `stopVoice` of one host object (SPEC §8).
 *
 * - `playVoice({ filePath, duration, success, fail, complete })`: a silk file plays from 0
 *   until its end or `duration` seconds (default 60) from position 0, whichever is first;
 *   then `success({ errMsg: 'playVoice:ok' })` and `complete`. Any other file (or no
 *   filePath) fails with VOICE_ERRORS.format after ERROR_DELAY_MS; nothing sounds and
 *   the current voice goes on.
 * - A playVoice of the file that is paused resumes it; any other playVoice cuts the
 *   current voice (playing or paused).
 * - Every playVoice call answers exactly once: at the end of its playback, or, when a
 *   stopVoice or another playVoice of another file cuts it, right then
 *   (`success({ errMsg: 'playVoice:ok' })`, ACK_DELAY_MS later): SPEC §8's reports that
 *   "after stopVoice or an interruption the callbacks fire early and never at the end".
 *   A call that resumes a paused file does not cut it: the paused call answers with it,
 *   first, at the end (or at the cut). Which of the two devices did is not documented;
 *   this one never tells a page "finished" while its voice still plays.
 * - With none of success/fail/complete, playVoice returns a Promise (env.Promise) settled
 *   like the callbacks would be.
 * - Host option `voiceCallbacks: 'at-start'` (the simulator behaviour SPEC §8 reports):
 *   success/complete fire ACK_DELAY_MS after the start, and not at the end.
 * - `pauseVoice` pauses what plays; `stopVoice` cuts what plays or is paused (a later
 *   playVoice starts over) and answers the cut call. Both answer `pauseVoice:ok` /
 *   `stopVoice:ok` to their own callbacks after ACK_DELAY_MS; with none, they return a
 *   Promise of that answer (base library >= 2.10.2), else undefined.
 */
export class OldVoiceApi {
  /** How many times the app called each API. */
  readonly calls = { playVoice: 0, pauseVoice: 0, stopVoice: 0 };
  private readonly channel: Channel;
  /** The playVoice calls that have not answered yet (at-end mode): the playing one, after any it resumed. */
  private pending: VoiceCall[] = [];

  constructor(private readonly env: NativeEnv) {
    this.channel = new Channel(env);
  }

  playVoice(options?: unknown): Promise<unknown> | undefined {
    this.calls.playVoice++;
    const { env, channel } = this;
    const call: VoiceCall = { opts: isObject(options) ? options : {} };
    let promise: Promise<unknown> | undefined;
    if (!hasCallbacks(call.opts)) {
      promise = new env.Promise((resolve, reject) => {
        call.settle = { resolve, reject };
      });
    }

    const filePath = call.opts.filePath;
    if (typeof filePath !== 'string' || filePath === '' || formatOf(filePath) !== 'silk') {
      const error = typeof filePath !== 'string' || filePath === '' ? VOICE_ERRORS.parameter : VOICE_ERRORS.format;
      env.clock.setTimeout(() => this.answer(call, false, error), TIMING.ERROR_DELAY_MS);
      return promise;
    }

    const endAt = Math.min(lengthOf(env, filePath), capMs(call.opts.duration));
    const atEnd = env.options.voiceCallbacks === 'at-end';
    // The Channel forgets an end handler when its voice is cut or resumed by another call.
    const resume = channel.state === 'paused' && channel.file === filePath;
    if (!resume) this.supersede();
    const onEnd = (): void => {
      if (!this.pending.includes(call)) return;
      const done = this.pending;
      this.pending = [];
      for (const c of done) this.answer(c, true, 'playVoice:ok');
    };
    if (resume) {
      channel.resume(endAt, onEnd);
    } else {
      channel.stop();
      channel.start(filePath, 0, endAt, onEnd, lengthOf(env, filePath));
    }
    if (atEnd) this.pending.push(call);
    else env.clock.setTimeout(() => this.answer(call, true, 'playVoice:ok'), TIMING.ACK_DELAY_MS);
    return promise;
  }

  pauseVoice(options?: unknown): Promise<unknown> | undefined {
    this.calls.pauseVoice++;
    this.channel.pause();
    return this.ack(options, 'pauseVoice:ok');
  }

  stopVoice(options?: unknown): Promise<unknown> | undefined {
    this.calls.stopVoice++;
    if (this.channel.state !== 'idle') this.supersede();
    this.channel.stop();
    return this.ack(options, 'stopVoice:ok');
  }

  /** The calls still waiting for their end answer now: a stop or another play cut them short. */
  private supersede(): void {
    const cut = this.pending;
    if (cut.length === 0) return;
    this.pending = [];
    this.env.clock.setTimeout(() => {
      for (const c of cut) this.answer(c, true, 'playVoice:ok');
    }, TIMING.ACK_DELAY_MS);
  }

  /** success or fail, then complete, with the same object; then the Promise, if any. */
  private answer(call: VoiceCall, ok: boolean, errMsg: string): void {
    const res = { errMsg };
    this.env.callback(ok ? call.opts.success : call.opts.fail, res);
    this.env.callback(call.opts.complete, res);
    if (ok) call.settle?.resolve(res);
    else call.settle?.reject(res);
  }

  private ack(options: unknown, errMsg: string): Promise<unknown> | undefined {
    const opts = isObject(options) ? options : {};
    let resolve: ((value: unknown) => void) | undefined;
    const promise = hasCallbacks(opts) ? undefined : new this.env.Promise((r) => (resolve = r));
    this.env.clock.setTimeout(() => {
      const res = { errMsg };
      this.env.callback(opts.success, res);
      this.env.callback(opts.complete, res);
      resolve?.(res);
    }, TIMING.ACK_DELAY_MS);
    return promise;
  }
}

/** playVoice's `duration` (seconds) as a cap in ms: missing or not positive -> 60 s. */
function capMs(duration: unknown): number {
  if (typeof duration !== 'number' || !(duration > 0)) return DEFAULT_VOICE_SECONDS * 1000;
  return duration * 1000;
}

export const AUDIO_EVENTS = [
  'Canplay',
  'Play',
  'Pause',
  'Stop',
  'Ended',
  'Error',
  'TimeUpdate',
  'Waiting',
  'Seeking',
  'Seeked',
] as const;
export type AudioEvent = (typeof AUDIO_EVENTS)[number];

/**
 * `wx.createInnerAudioContext()`'s object (SPEC §8), one Channel each.
 *
 * - `src`: setting a different value cuts what plays or is paused mid-file (sound `stop`)
 *   and rewinds; setting the same value does nothing (SPEC's pitfall: it does not replay).
 *   A playable src fires onCanplay (ACK_DELAY_MS); with `autoplay`, it then plays.
 * - `play()`: no src: nothing. A silk src: onError(MEDIA_FORMAT_ERROR) after
 *   ERROR_DELAY_MS, nothing sounds. Playing: nothing. Paused mid-file: resumes there.
 *   Otherwise starts at the position a seek left, else at `startTime`, else 0. Then
 *   onPlay (ACK_DELAY_MS). At the natural end: sound `end`, paused again at 0, onEnded().
 * - `pause()`: if playing, sound `pause` and onPause. `stop()`: if playing or paused
 *   mid-file, sound `stop`, rewind, onStop. `seek(sec)`: moves the position (a playing
 *   file ends later or sooner), onSeeking then onSeeked. `destroy()`: what plays is cut
 *   (the user hears it stop) but no event fires; listeners are removed and every later
 *   call does nothing.
 * - `paused`, `currentTime` (s) and `duration` (s, the read-only length: 0 without a src
 *   or for a format it cannot decode) are computed; assigning them is ignored. `loop`,
 *   `volume`, `obeyMuteSwitch`, `playbackRate` are kept and change nothing audible here.
 * - Events: `onX(fn)` adds a listener (the same function twice is called twice), `offX(fn)`
 *   removes every registration of fn, `offX()` removes all of X's listeners (WeChat docs:
 *   "不传此参数则移除所有监听函数"). Listeners are looked up when the event is
 *   delivered and called in registration order through env.callback. onTimeUpdate and
 *   onWaiting never fire (no frames, no network in the simulation).
 */
export class FakeInnerAudioContext {
  autoplay = false;
  loop = false;
  volume = 1;
  startTime = 0;
  obeyMuteSwitch = true;
  playbackRate = 1;
  // The internals are #private: not own enumerable properties, so an app that logs the
  // context or puts it in page data snapshots its public properties, not the host.
  readonly #env: NativeEnv;
  readonly #channel: Channel;
  readonly #listeners = new Map<AudioEvent, unknown[]>();
  #source: unknown = '';
  #destroyed = false;

  constructor(env: NativeEnv) {
    this.#env = env;
    this.#channel = new Channel(env);
  }

  get src(): unknown {
    return this.#source;
  }
  set src(value: unknown) {
    if (value === this.#source) return;
    this.#source = value;
    if (this.#destroyed) return;
    this.#channel.stop();
    if (!this.playable()) return;
    this.later('Canplay', TIMING.ACK_DELAY_MS);
    if (this.autoplay) this.play();
  }

  get paused(): boolean {
    return this.#channel.state !== 'playing';
  }
  set paused(_value: boolean) {
    // Read-only on the real object; an app assigning it changes nothing.
  }

  get currentTime(): number {
    return this.#channel.position / 1000;
  }
  set currentTime(_value: number) {
    // Read-only (seek() moves the position).
  }

  get duration(): number {
    return this.playable() ? this.lengthMs() / 1000 : 0;
  }
  set duration(_value: number) {
    // Read-only: the file's length, not a playback cap (SPEC §8).
  }

  play(): void {
    if (this.#destroyed || !this.hasSource()) return;
    const file = this.#source as string;
    if (!this.playable()) {
      this.later('Error', TIMING.ERROR_DELAY_MS, { ...MEDIA_FORMAT_ERROR });
      return;
    }
    const channel = this.#channel;
    if (channel.state === 'playing') return;
    const onEnd = (): void => this.emit('Ended');
    if (channel.state === 'paused') {
      channel.resume(this.lengthMs(), onEnd);
    } else {
      const seeked = channel.position;
      const from = seeked > 0 ? seeked : this.clamp(Number(this.startTime) * 1000);
      channel.start(file, from, this.lengthMs(), onEnd);
    }
    this.later('Play', TIMING.ACK_DELAY_MS);
  }

  pause(): void {
    if (this.#destroyed) return;
    if (this.#channel.pause()) this.later('Pause', TIMING.ACK_DELAY_MS);
  }

  stop(): void {
    if (this.#destroyed) return;
    if (this.#channel.stop()) this.later('Stop', TIMING.ACK_DELAY_MS);
  }

  seek(position: unknown): void {
    if (this.#destroyed || !this.playable()) return;
    const ms = Number(position) * 1000;
    if (!Number.isFinite(ms)) return;
    this.#channel.seek(this.clamp(ms));
    this.later('Seeking', TIMING.ACK_DELAY_MS);
    this.later('Seeked', TIMING.ACK_DELAY_MS);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#channel.stop();
    this.#listeners.clear();
    this.#destroyed = true;
  }

  onCanplay(fn?: unknown): void {
    this.on('Canplay', fn);
  }
  offCanplay(...fn: unknown[]): void {
    this.off('Canplay', fn);
  }
  onPlay(fn?: unknown): void {
    this.on('Play', fn);
  }
  offPlay(...fn: unknown[]): void {
    this.off('Play', fn);
  }
  onPause(fn?: unknown): void {
    this.on('Pause', fn);
  }
  offPause(...fn: unknown[]): void {
    this.off('Pause', fn);
  }
  onStop(fn?: unknown): void {
    this.on('Stop', fn);
  }
  offStop(...fn: unknown[]): void {
    this.off('Stop', fn);
  }
  onEnded(fn?: unknown): void {
    this.on('Ended', fn);
  }
  offEnded(...fn: unknown[]): void {
    this.off('Ended', fn);
  }
  onError(fn?: unknown): void {
    this.on('Error', fn);
  }
  offError(...fn: unknown[]): void {
    this.off('Error', fn);
  }
  onTimeUpdate(fn?: unknown): void {
    this.on('TimeUpdate', fn);
  }
  offTimeUpdate(...fn: unknown[]): void {
    this.off('TimeUpdate', fn);
  }
  onWaiting(fn?: unknown): void {
    this.on('Waiting', fn);
  }
  offWaiting(...fn: unknown[]): void {
    this.off('Waiting', fn);
  }
  onSeeking(fn?: unknown): void {
    this.on('Seeking', fn);
  }
  offSeeking(...fn: unknown[]): void {
    this.off('Seeking', fn);
  }
  onSeeked(fn?: unknown): void {
    this.on('Seeked', fn);
  }
  offSeeked(...fn: unknown[]): void {
    this.off('Seeked', fn);
  }

  /** How many listeners `event` has (for tests). */
  listenerCount(event: AudioEvent): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  private hasSource(): boolean {
    return typeof this.#source === 'string' && this.#source !== '';
  }

  /** A src this context can decode: anything but silk (SPEC §8). */
  private playable(): boolean {
    return this.hasSource() && formatOf(this.#source as string) !== 'silk';
  }

  private lengthMs(): number {
    return lengthOf(this.#env, this.#source as string);
  }

  private clamp(ms: number): number {
    return Number.isFinite(ms) ? Math.round(Math.min(Math.max(ms, 0), this.lengthMs())) : 0;
  }

  private on(event: AudioEvent, fn: unknown): void {
    if (this.#destroyed || typeof fn !== 'function') return;
    const list = this.#listeners.get(event) ?? [];
    list.push(fn);
    this.#listeners.set(event, list);
  }

  /** `args` is the call's argument list: empty (or undefined) means "all of them". */
  private off(event: AudioEvent, args: unknown[]): void {
    if (args.length === 0 || args[0] === undefined) {
      this.#listeners.delete(event);
      return;
    }
    const list = this.#listeners.get(event);
    if (list) this.#listeners.set(event, list.filter((f) => f !== args[0]));
  }

  private emit(event: AudioEvent, ...args: unknown[]): void {
    // A copy: a listener that adds or removes listeners changes the next delivery, not this one.
    for (const fn of [...(this.#listeners.get(event) ?? [])]) this.#env.callback(fn, ...args);
  }

  private later(event: AudioEvent, delay: number, ...args: unknown[]): void {
    this.#env.clock.setTimeout(() => this.emit(event, ...args), delay);
  }
}
