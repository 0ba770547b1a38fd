/**
 * startrecord-codemod-shim: the deprecated `startRecord`/`stopRecord` (and `playVoice`/
 * `pauseVoice`/`stopVoice`, at the end of this file), with their exact old
 * semantics, built on the host's `getRecorderManager()`. The codemod points call sites at
 * it when it cannot rewrite them faithfully (SPEC §5). Zero dependencies, ES5 output.
 *
 * Old semantics kept here:
 * - success/complete (and the returned Promise) fire when the recording ENDS, with
 *   `{ errMsg: 'startRecord:ok', tempFilePath }`; fail gets `startRecord:fail...` texts;
 * - a second start while recording fails with the exact old message and the first goes on;
 * - stopRecord answers `stopRecord:ok`, and while idle does NOT call `stop()` (which would
 *   raise onError to whoever listens);
 * - the 60 s limit, and Android's undocumented `duration` in seconds.
 * The manager is one global object whose `onX` replace each other, so listeners are
 * registered right before each start and guarded by a session token: a stale listener, or
 * an event of a recording this shim did not start, does nothing.
 */

/** What a host's `getRecorderManager()` returns, reduced to what the shim uses. */
export interface RecorderManagerLike {
  start(options: { duration?: number }): void;
  stop(): void;
  onStart(listener: () => void): void;
  onStop(listener: (result: { tempFilePath: string }) => void): void;
  onError(listener: (result: { errMsg: string }) => void): void;
}

export interface StartRecordSuccessResult {
  errMsg: string;
  tempFilePath: string;
}

export interface CallbackResult {
  errMsg: string;
}

export interface StartRecordOption {
  success?: (result: StartRecordSuccessResult) => void;
  fail?: (result: CallbackResult) => void;
  complete?: (result: CallbackResult | StartRecordSuccessResult) => void;
  /** Undocumented, Android only in the old API: seconds, <= 0 means 60, capped at 600. */
  duration?: number;
}

export interface StopRecordOption {
  success?: (result: CallbackResult) => void;
  fail?: (result: CallbackResult) => void;
  complete?: (result: CallbackResult) => void;
}

export interface LegacyRecorder {
  startRecord(option?: StartRecordOption): Promise<StartRecordSuccessResult>;
  stopRecord(option?: StopRecordOption): void;
}

declare const wx: { getRecorderManager?: () => RecorderManagerLike } | undefined;
declare const qq: { getRecorderManager?: () => RecorderManagerLike } | undefined;
declare const swan: { getRecorderManager?: () => RecorderManagerLike } | undefined;

const RECORDING = "startRecord:fail:audio is recording, don't start record again";

interface Session {
  token: number;
  option: StartRecordOption;
  started: boolean;
  stopRequested: boolean;
  resolve: (result: StartRecordSuccessResult) => void;
  reject: (result: CallbackResult) => void;
}

/**
 * One recording state per manager (one per host), kept ON the manager object under a
 * registry symbol: every copy of this shim in an app (the CommonJS and ESM builds of the
 * package, a vendored file, two bundles) then reads and writes the same state, so a
 * recording started through one copy is stopped through another (SPEC §5).
 */
interface SharedState {
  session: Session | null;
  tokens: number;
}

declare const Symbol: any;
const STATE_KEY: any = typeof Symbol === 'function' && typeof Symbol.for === 'function' ? Symbol.for('startrecord-codemod.shim') : '__startrecordCodemodShim';
/** Where the manager object cannot take a property (frozen): one table per copy, the best left. */
const fallback: Array<{ manager: RecorderManagerLike; state: SharedState }> = [];

function stateOf(manager: RecorderManagerLike): SharedState {
  const holder = manager as any;
  if (holder[STATE_KEY]) return holder[STATE_KEY];
  for (let i = 0; i < fallback.length; i++) if (fallback[i].manager === manager) return fallback[i].state;
  const state: SharedState = { session: null, tokens: 0 };
  try {
    Object.defineProperty(holder, STATE_KEY, { value: state, configurable: true });
  } catch (error) {
    // A frozen or exotic manager object.
  }
  if (holder[STATE_KEY] !== state) fallback.push({ manager, state });
  return state;
}

/** Callbacks run after the call returns, as the old API's did; an exception in one does not stop the next. */
function later(fn: () => void): void {
  setTimeout(fn, 0);
}

function call<T>(fn: ((result: T) => void) | undefined, result: T): void {
  if (typeof fn !== 'function') return;
  try {
    fn(result);
  } catch (error) {
    later(() => {
      throw error;
    });
  }
}

function seconds(duration: unknown): number {
  if (typeof duration !== 'number' || !(duration > 0)) return 60;
  return duration > 600 ? 600 : duration;
}

/** `operateRecorder:fail...` -> `startRecord:fail...`, same suffix. */
function oldError(errMsg: unknown): string {
  const text = typeof errMsg === 'string' ? errMsg : '';
  return text.indexOf('operateRecorder:fail') === 0 ? 'startRecord:fail' + text.slice('operateRecorder:fail'.length) : 'startRecord:fail' + (text ? ' ' + text : '');
}

/**
 * A startRecord/stopRecord pair over the manager `getRecorderManager` returns (called
 * lazily, at the first start or stop, never at import). Pairs over the same manager share
 * their state.
 */
export function createLegacyRecorder(getRecorderManager: () => RecorderManagerLike | null | undefined): LegacyRecorder {
  function manager(): RecorderManagerLike | null {
    const m = getRecorderManager();
    return m && typeof m.start === 'function' ? m : null;
  }

  function startRecord(option?: StartRecordOption): Promise<StartRecordSuccessResult> {
    const opts: StartRecordOption = option || {};
    let resolve!: Session['resolve'];
    let reject!: Session['reject'];
    const promise = new Promise<StartRecordSuccessResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // With callbacks, failures are answered there: the Promise must not also surface as an
    // unhandled rejection. Without, it behaves as the old one did.
    if (opts.success || opts.fail || opts.complete) promise.then(undefined, () => undefined);

    const fail = (errMsg: string) =>
      later(() => {
        const result = { errMsg };
        call(opts.fail, result);
        call(opts.complete, result);
        reject(result);
      });

    const m = manager();
    if (!m) {
      fail('startRecord:fail not supported');
      return promise;
    }
    const state = stateOf(m);
    if (state.session) {
      fail(RECORDING);
      return promise;
    }
    const session: Session = { token: ++state.tokens, option: opts, started: false, stopRequested: false, resolve, reject };
    state.session = session;
    const current = () => state.session === session;
    const end = (run: () => void) => {
      state.session = null;
      run();
    };

    m.onStart(() => {
      if (!current()) return;
      session.started = true;
      // A stop issued before the recorder had started may have been lost: issue it again.
      if (session.stopRequested) m.stop();
    });
    m.onStop((res) => {
      if (!current()) return;
      end(() => {
        const result = { errMsg: 'startRecord:ok', tempFilePath: res.tempFilePath };
        call(opts.success, result);
        call(opts.complete, result);
        resolve(result);
      });
    });
    m.onError((res) => {
      // `stop()` while idle is never this recording's error (the shim never does that).
      if (!current() || /audio is stop/.test(res && res.errMsg)) return;
      end(() => {
        const result = { errMsg: oldError(res && res.errMsg) };
        call(opts.fail, result);
        call(opts.complete, result);
        reject(result);
      });
    });
    try {
      m.start({ duration: seconds(opts.duration) * 1000 });
    } catch (error) {
      state.session = null;
      fail(oldError(error && (error as Error).message));
    }
    return promise;
  }

  function stopRecord(option?: StopRecordOption): void {
    const opts: StopRecordOption = option || {};
    const m = manager();
    const session = m ? stateOf(m).session : null;
    if (m && session) {
      session.stopRequested = true;
      m.stop();
    }
    later(() => {
      const result = { errMsg: 'stopRecord:ok' };
      call(opts.success, result);
      call(opts.complete, result);
    });
  }

  return { startRecord, stopRecord };
}

/** The mini-program host of this build: `wx`, else `qq`, else `swan`; looked up at first use. */
function currentHost(): any {
  return typeof wx !== 'undefined' ? wx : typeof qq !== 'undefined' ? qq : typeof swan !== 'undefined' ? swan : undefined;
}

function hostRecorderManager(): RecorderManagerLike | null {
  const host = currentHost();
  return host && typeof host.getRecorderManager === 'function' ? host.getRecorderManager() : null;
}

const hostRecorder = /*#__PURE__*/ createLegacyRecorder(hostRecorderManager);

/** What the host returns: nothing when a callback is given, else a Promise settled at the end. */
export type StartRecordReturn<T> = T extends { success: any } | { fail: any } | { complete: any } ? void : Promise<StartRecordSuccessResult>;

function hasCallback(option: StartRecordOption | undefined): boolean {
  return !!option && (typeof option.success === 'function' || typeof option.fail === 'function' || typeof option.complete === 'function');
}

/**
 * @deprecated Shim for the deprecated `wx.startRecord`, returning what the host returned:
 * `undefined` when a callback is given (WeChat, QQ, Baidu, Taro 3.3.1+), else a Promise
 * that settles when the recording ends. Move to `wx.getRecorderManager()`: `onStop`/`onError`
 * then `start({ duration: 60000 })`.
 */
export function startRecord<T extends StartRecordOption = StartRecordOption>(option?: T): StartRecordReturn<T> {
  const promise = hostRecorder.startRecord(option);
  return (hasCallback(option) ? undefined : promise) as StartRecordReturn<T>;
}

/**
 * @deprecated Shim for the deprecated `Taro.startRecord` of Taro 1.x to 3.3.0, which always
 * returned a Promise that settles when the recording ends, callbacks or not.
 */
export function startRecordPromise(option?: StartRecordOption): Promise<StartRecordSuccessResult> {
  return hostRecorder.startRecord(option);
}

/**
 * @deprecated Shim for the deprecated `wx.stopRecord`. Move to `recorderManager.stop()`.
 */
export function stopRecord(option?: StopRecordOption): void {
  hostRecorder.stopRecord(option);
}

/*
 * Playback: the deprecated `wx.playVoice`/`pauseVoice`/`stopVoice` (SPEC §8) over one
 * InnerAudioContext per host, shared by every copy of this shim in the app. The recording
 * is an aac file once it goes through getRecorderManager(), which playVoice most likely
 * cannot play; InnerAudioContext can. Old semantics kept here:
 * - one voice at a time, in the whole app: a new playVoice cuts the previous one;
 * - playVoice of the file that is paused resumes it; after stopVoice it starts over;
 * - `duration` (seconds, default 60) stops the playback that long after its start;
 * - every call answers once: success/complete (and its Promise) when its playback ends,
 *   or right away when a stopVoice or another playVoice cuts it short (what devices were
 *   reported to do, SPEC §8); fail/complete when the player reports an error.
 */

/** What a host's `createInnerAudioContext()` returns, reduced to what the shim uses. */
export interface InnerAudioContextLike {
  src: string;
  readonly currentTime: number;
  play(): void;
  pause(): void;
  stop(): void;
  onEnded(listener: () => void): void;
  onError(listener: (result: { errMsg: string; errCode?: number }) => void): void;
}

export interface PlayVoiceOption {
  filePath: string;
  /** Seconds (default 60): the playback stops that long after it started. */
  duration?: number;
  success?: (result: CallbackResult) => void;
  fail?: (result: CallbackResult) => void;
  complete?: (result: CallbackResult) => void;
}

export interface VoiceOption {
  success?: (result: CallbackResult) => void;
  fail?: (result: CallbackResult) => void;
  complete?: (result: CallbackResult) => void;
}

interface VoicePlay {
  option: PlayVoiceOption;
  resolve: (result: CallbackResult) => void;
  reject: (result: CallbackResult) => void;
}

interface VoiceState {
  context: InnerAudioContextLike;
  filePath: string | null;
  status: 'idle' | 'playing' | 'paused';
  /** The calls that have not answered yet: the playing one, after any it resumed. */
  calls: VoicePlay[];
  /** Where the latest call's duration stops the file, in ms of playback. */
  capMs: number;
  /** Playback heard so far of the current file (ms), and since when it plays (onPlay). */
  playedMs: number;
  playingSince: number | null;
  timer: any;
}

type VoiceHost = { createInnerAudioContext?: () => InnerAudioContextLike };
const VOICE_KEY: any = typeof Symbol === 'function' && typeof Symbol.for === 'function' ? Symbol.for('startrecord-codemod.voice') : '__startrecordCodemodVoice';
let ownVoiceState: VoiceState | null = null;

/**
 * The host's shared state, kept on the host object so every copy of the shim plays one
 * voice. `create`: false for pause and stop, which have nothing to do before a play.
 */
function voiceState(create: boolean): VoiceState | null {
  const host = currentHost();
  if (!host || typeof (host as VoiceHost).createInnerAudioContext !== 'function') return null;
  if (host[VOICE_KEY]) return host[VOICE_KEY];
  if (ownVoiceState || !create) return ownVoiceState;
  const context = (host as VoiceHost).createInnerAudioContext!() as InnerAudioContextLike & { onPlay?: (listener: () => void) => void };
  const state: VoiceState = { context: context, filePath: null, status: 'idle', calls: [], capMs: 60000, playedMs: 0, playingSince: null, timer: null };
  // One set of listeners for the life of the context: they answer whichever calls wait.
  if (typeof context.onPlay === 'function') {
    // The duration counts playback heard, from the moment it starts (loading does not count).
    context.onPlay(function () {
      if (state.status !== 'playing' || state.playingSince !== null) return;
      state.playingSince = Date.now();
      armVoiceCap(state);
    });
  }
  context.onEnded(function () {
    state.status = 'idle';
    answerVoice(state, true, { errMsg: 'playVoice:ok' });
  });
  context.onError(function (result) {
    if (state.calls.length === 0) return;
    state.status = 'idle';
    answerVoice(state, false, { errMsg: 'playVoice:fail ' + (result && result.errMsg ? result.errMsg : 'unknown error') });
  });
  try {
    Object.defineProperty(host, VOICE_KEY, { value: state, configurable: true });
  } catch (error) {
    // A frozen host object: this copy keeps its own.
  }
  if (host[VOICE_KEY] !== state) ownVoiceState = state;
  return state;
}

function clearVoiceTimer(state: VoiceState): void {
  if (state.timer !== null) clearTimeout(state.timer);
  state.timer = null;
}

/** Playback stops: what was heard is counted, and the cap timer stops. */
function haltVoiceClock(state: VoiceState): void {
  if (state.playingSince !== null) state.playedMs += Date.now() - state.playingSince;
  state.playingSince = null;
  clearVoiceTimer(state);
}

/** One call's answer: success or fail, then complete, then its Promise. */
function answerPlay(play: VoicePlay, ok: boolean, result: CallbackResult): void {
  call(ok ? play.option.success : play.option.fail, result);
  call(play.option.complete, result);
  if (ok) play.resolve(result);
  else play.reject(result);
}

/** The waiting calls answer (once each, oldest first), and no longer wait. */
function answerVoice(state: VoiceState, ok: boolean, result: CallbackResult): void {
  const calls = state.calls;
  haltVoiceClock(state);
  state.calls = [];
  for (let i = 0; i < calls.length; i++) answerPlay(calls[i], ok, result);
}

/** A stop or another play cuts the waiting calls short: they answer now, after this call returns. */
function answerCutVoice(state: VoiceState): void {
  const calls = state.calls;
  if (calls.length === 0) return;
  state.calls = [];
  later(function () {
    for (let i = 0; i < calls.length; i++) answerPlay(calls[i], true, { errMsg: 'playVoice:ok' });
  });
}

/** Stops the playback at the duration cap, counted in playback heard. */
function armVoiceCap(state: VoiceState): void {
  clearVoiceTimer(state);
  const left = state.capMs - state.playedMs;
  state.timer = setTimeout(function () {
    state.context.stop();
    state.status = 'idle';
    answerVoice(state, true, { errMsg: 'playVoice:ok' });
  }, left > 0 ? left : 0);
}

/** playVoice's `duration`: seconds, 60 when missing or not a positive number. */
function playSeconds(duration: unknown): number {
  return typeof duration === 'number' && duration > 0 ? duration : 60;
}

function playVoiceWithPromise(option: PlayVoiceOption | undefined): Promise<CallbackResult> {
  const opts = option || ({} as PlayVoiceOption);
  let settle: { resolve: (r: CallbackResult) => void; reject: (r: CallbackResult) => void } = { resolve: function () {}, reject: function () {} };
  const promise = new Promise<CallbackResult>(function (resolve, reject) {
    settle = { resolve: resolve, reject: reject };
  });
  const state = voiceState(true);
  if (!state || typeof opts.filePath !== 'string' || !opts.filePath) {
    later(function () {
      const result = { errMsg: state ? 'playVoice:fail parameter error: parameter.filePath should be String' : 'playVoice:fail not supported' };
      call(opts.fail, result);
      call(opts.complete, result);
      settle.reject(result);
    });
    return promise;
  }
  // The paused file, played again, resumes, and the paused call answers with this one.
  const resume = state.status === 'paused' && state.filePath === opts.filePath;
  haltVoiceClock(state);
  if (!resume) {
    answerCutVoice(state);
    if (state.filePath !== null) state.context.stop();
    state.context.src = opts.filePath;
    state.filePath = opts.filePath;
    state.playedMs = 0;
  }
  state.calls.push({ option: opts, resolve: settle.resolve, reject: settle.reject });
  state.capMs = playSeconds(opts.duration) * 1000;
  state.status = 'playing';
  state.context.play();
  // Hosts without onPlay: the cap counts from here.
  if (typeof (state.context as any).onPlay !== 'function') {
    state.playingSince = Date.now();
    armVoiceCap(state);
  }
  return promise;
}

/** pauseVoice's and stopVoice's own answer: to the callbacks, else as a Promise (base library >= 2.10.2). */
function answerControl(api: string, option: VoiceOption | undefined): Promise<CallbackResult> | undefined {
  const result = { errMsg: api + ':ok' };
  if (hasCallback(option)) {
    later(function () {
      call(option!.success, result);
      call(option!.complete, result);
    });
    return undefined;
  }
  return new Promise<CallbackResult>(function (resolve) {
    later(function () {
      resolve(result);
    });
  });
}

/** What the host returns: nothing when a callback is given, else a Promise. */
export type VoiceReturn<T> = T extends { success: any } | { fail: any } | { complete: any } ? void : Promise<CallbackResult>;

/**
 * @deprecated Shim for the deprecated `wx.playVoice`, over one shared InnerAudioContext.
 * Move to `wx.createInnerAudioContext()`: `src`, `play()`, `onEnded`/`onError`.
 */
export function playVoice<T extends PlayVoiceOption = PlayVoiceOption>(option: T): VoiceReturn<T> {
  const promise = playVoiceWithPromise(option);
  if (hasCallback(option)) {
    // Nobody reads it: a failure must not surface as an unhandled rejection.
    promise.then(undefined, function () {});
    return undefined as VoiceReturn<T>;
  }
  return promise as VoiceReturn<T>;
}

/** @deprecated Shim for Taro 1.x/2.x's `Taro.playVoice`, which always returned a Promise settled at the end. */
export function playVoicePromise(option: PlayVoiceOption): Promise<CallbackResult> {
  return playVoiceWithPromise(option);
}

/** @deprecated Shim for the deprecated `wx.pauseVoice`. Move to `innerAudioContext.pause()`. */
export function pauseVoice<T extends VoiceOption = VoiceOption>(option?: T): VoiceReturn<T> {
  const state = voiceState(false);
  if (state) {
    haltVoiceClock(state);
    if (state.status === 'playing') state.status = 'paused';
    state.context.pause();
  }
  return answerControl('pauseVoice', option) as VoiceReturn<T>;
}

/** @deprecated Shim for the deprecated `wx.stopVoice`. Move to `innerAudioContext.stop()`. */
export function stopVoice<T extends VoiceOption = VoiceOption>(option?: T): VoiceReturn<T> {
  const state = voiceState(false);
  if (state) {
    haltVoiceClock(state);
    answerCutVoice(state);
    state.status = 'idle';
    state.playedMs = 0;
    state.context.stop();
  }
  return answerControl('stopVoice', option) as VoiceReturn<T>;
}
