/**
 * The simulated host follows SPEC §1 (startRecord/stopRecord) and §2 (getRecorderManager)
 * rule by rule, and its plumbing (clock, trace, promise tracking, loader, driver) does
 * what the behaviour test relies on. Each test pins one rule and would fail if the fake
 * broke it.
 */
import { FakeClock } from './runtime/clock';
import { mountUnit, findUnits, roleOf } from './runtime/driver';
import { createHost, Host, HostOptions } from './runtime/host';
import { EPOCH, LoadedApp, loadApp, requiredModules } from './runtime/load';
import { applyConditionalCompilation, topLevelFunctions, UNI_PLATFORMS } from './runtime/sfc';
import { TIMING } from './runtime/native';
import { OLD_ERRORS } from './runtime/old-api';
import {
  BITRATE_BANDS,
  FakeRecorderManager,
  IDLE_STOP_TAG,
  MANAGER_ERRORS,
} from './runtime/recorder-manager';
import { NORMALISERS, normalise } from './runtime/compare';
import { toJson, TraceEntry } from './runtime/trace';

type Fn = (...args: unknown[]) => unknown;
interface Wx {
  startRecord(options?: unknown): unknown;
  stopRecord(options?: unknown): unknown;
  getRecorderManager(): FakeRecorderManager;
  [api: string]: unknown;
}

/** A host plus a log of (time, label, argument) for callbacks handed to the fakes. */
function setup(options: HostOptions = {}) {
  const host = createHost(options);
  const log: Array<{ t: number; what: string; arg: unknown }> = [];
  const rec =
    (what: string) =>
    (arg?: unknown): void =>
      void log.push({ t: host.clock.now(), what, arg });
  return { host, log, rec, wx: host.wx as unknown as Wx, clock: host.clock };
}

const callbacks = (rec: (w: string) => Fn, prefix = '') => ({
  success: rec(`${prefix}success`),
  fail: rec(`${prefix}fail`),
  complete: rec(`${prefix}complete`),
});

const whats = (log: Array<{ what: string }>) => log.map((l) => l.what);

// ---------------------------------------------------------------------------------------
describe('FakeClock', () => {
  test('advance runs due timers in due-time order, ties in scheduling order', async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 20);
    clock.setTimeout(() => seen.push('late'), 31);
    await clock.advance(30);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20']);
    expect(clock.now()).toBe(30);
    await clock.advance(1);
    expect(seen).toEqual(['a@10', 'b@20', 'c@20', 'late']);
  });

  test('timers scheduled by timers run in the same advance when due, not when later', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    clock.setTimeout(() => {
      clock.setTimeout(() => seen.push(clock.now()), 0);
      clock.setTimeout(() => seen.push(clock.now()), 5);
      clock.setTimeout(() => seen.push(clock.now()), 50);
    }, 10);
    await clock.advance(20);
    expect(seen).toEqual([10, 15]);
  });

  test('clearTimeout, intervals and clearInterval', async () => {
    const clock = new FakeClock();
    const seen: number[] = [];
    const id = clock.setTimeout(() => seen.push(-1), 5);
    clock.clearTimeout(id);
    const every = clock.setInterval(() => {
      seen.push(clock.now());
      if (clock.now() >= 30) clock.clearInterval(every);
    }, 10);
    await clock.advance(100);
    expect(seen).toEqual([10, 20, 30]);
    expect(clock.pendingTimers()).toBe(0);
  });

  test('runAll runs everything and turns an endless interval into an error', async () => {
    const clock = new FakeClock();
    clock.setTimeout(() => undefined, 1000);
    expect(await clock.runAll()).toBe(1);
    expect(clock.now()).toBe(1000);
    clock.setInterval(() => undefined, 1);
    await expect(clock.runAll(50)).rejects.toThrow(/after running 50/);
  });

  test('a promise chain started by a timer finishes at that timer time, before the next timer', async () => {
    const clock = new FakeClock();
    const seen: string[] = [];
    clock.setTimeout(() => {
      void Promise.resolve()
        .then(() => Promise.resolve())
        .then(() => seen.push(`chain@${clock.now()}`));
    }, 10);
    clock.setTimeout(() => seen.push(`next@${clock.now()}`), 11);
    await clock.advance(20);
    expect(seen).toEqual(['chain@10', 'next@11']);
  });

  test('timers inherit the causal tag active when they were scheduled', async () => {
    const clock = new FakeClock();
    const tags: Array<string | undefined> = [];
    clock.withTag('x', () => clock.setTimeout(() => clock.setTimeout(() => tags.push(clock.tag), 1), 1));
    clock.setTimeout(() => tags.push(clock.tag), 5);
    await clock.advance(10);
    expect(tags).toEqual(['x', undefined]);
  });
});

// ---------------------------------------------------------------------------------------
describe('trace', () => {
  test('values are snapshots, with stand-ins for what JSON cannot hold', () => {
    const obj: Record<string, unknown> = { a: 1, u: undefined, f: function named() {}, n: NaN };
    const snap = toJson(obj);
    obj.a = 2;
    expect(snap).toEqual({ a: 1, u: '<undefined>', f: '<function named>', n: '<NaN>' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(toJson(cyclic)).toEqual({ self: '<circular>' });
    expect(toJson(new TypeError('boom'))).toEqual({ $error: 'TypeError', message: 'boom' });
  });

  test('entries carry the fake time and the causal tag', async () => {
    const host = createHost();
    host.trace.call('wx.a', []);
    await host.clock.advance(7);
    host.clock.withTag('t', () => host.trace.call('wx.b', [1]));
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'call', api: 'wx.a', args: [] },
      { t: 7, tag: 't', kind: 'call', api: 'wx.b', args: [1] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------
describe('unhandled rejections', () => {
  test('a rejected promise nobody handles is traced once, at the time it happened', async () => {
    const host = createHost();
    const P = host.Promise;
    host.clock.setTimeout(() => void P.reject({ errMsg: 'x' }), 10);
    await host.clock.advance(20);
    expect(host.trace.entries).toEqual([{ t: 10, kind: 'unhandledRejection', reason: { errMsg: 'x' } }]);
  });

  test('handled rejections (catch, then with onRejected, await, late catch in the same tick) are not', async () => {
    const host = createHost();
    const P = host.Promise;
    P.reject(1).catch(() => undefined);
    P.reject(2).then(undefined, () => undefined);
    const late = P.reject(3);
    void P.resolve().then(() => late.catch(() => undefined));
    await host.settle();
    expect(host.trace.entries).toEqual([]);
  });

  test('a rejection passed down a then chain without a handler is reported for the chain end', async () => {
    const host = createHost();
    void host.Promise.reject('r').then(() => 'never');
    await host.settle();
    expect(host.trace.entries.map((e) => e.kind)).toEqual(['unhandledRejection']);
  });

  test('an async function of the app that throws, with nobody awaiting it, is traced', async () => {
    const host = createHost();
    const app = loadApp(
      'export async function go() { await null; throw new Error("late") }',
      '/virtual/a.js',
      host,
    );
    (app.exports as { go: Fn }).go();
    await host.settle();
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'unhandledRejection', reason: { $error: 'Error', message: 'late' } },
    ]);
  });
});

// ---------------------------------------------------------------------------------------
describe('old API: startRecord / stopRecord (SPEC §1)', () => {
  test('success fires at the END (stop + END_DELAY), never at start, with errMsg and a .silk path; complete follows with the same object', async () => {
    const { wx, clock, log, rec } = setup();
    expect(wx.startRecord(callbacks(rec))).toBeUndefined();
    await clock.advance(4000);
    expect(log).toEqual([]);
    wx.stopRecord();
    await clock.advance(TIMING.END_DELAY_MS - 1);
    expect(whats(log)).toEqual([]);
    await clock.advance(1);
    expect(log).toEqual([
      { t: 4050, what: 'success', arg: { errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp/record_1.silk' } },
      { t: 4050, what: 'complete', arg: { errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp/record_1.silk' } },
    ]);
    expect(log[1].arg).toBe(log[0].arg);
  });

  test('recording ends by itself after 60 s', async () => {
    const { wx, clock, log, rec } = setup();
    wx.startRecord(callbacks(rec));
    await clock.advance(60_000 + TIMING.END_DELAY_MS - 1);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(whats(log)).toEqual(['success', 'complete']);
    expect(log[0].t).toBe(60_050);
  });

  test.each([
    [10, 10_000],
    [0, 60_000],
    [-5, 60_000],
    [600, 600_000],
    [1000, 600_000],
    ['30', 60_000],
  ])('Android duration %p s ends the recording at %p ms', async (duration, endsAt) => {
    const { wx, clock, log, rec } = setup({ platform: 'android' });
    wx.startRecord({ duration, success: rec('success') });
    await clock.advance(endsAt + TIMING.END_DELAY_MS - 1);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(whats(log)).toEqual(['success']);
  });

  test('iOS ignores duration (60 s)', async () => {
    const { wx, clock, log, rec } = setup({ platform: 'ios' });
    wx.startRecord({ duration: 10, success: rec('success') });
    await clock.advance(59_000);
    expect(log).toEqual([]);
    await clock.advance(2_000);
    expect(log.map((l) => l.t)).toEqual([60_050]);
  });

  test('a second start while recording fails (fail, complete) with the exact message; the first goes on', async () => {
    const { wx, clock, log, rec } = setup();
    wx.startRecord(callbacks(rec, 'first.'));
    await clock.advance(1000);
    wx.startRecord(callbacks(rec, 'second.'));
    await clock.advance(TIMING.ERROR_DELAY_MS);
    const fail = { errMsg: OLD_ERRORS.recording };
    expect(OLD_ERRORS.recording).toBe("startRecord:fail:audio is recording, don't start record again");
    expect(log).toEqual([
      { t: 1010, what: 'second.fail', arg: fail },
      { t: 1010, what: 'second.complete', arg: fail },
    ]);
    wx.stopRecord();
    await clock.advance(100);
    expect(whats(log).slice(2)).toEqual(['first.success', 'first.complete']);
  });

  test('a start during the 300 ms start latency is also "already recording"', async () => {
    const { wx, clock, log, rec } = setup();
    wx.startRecord();
    wx.startRecord(callbacks(rec));
    await clock.advance(100);
    expect(whats(log)).toEqual(['fail', 'complete']);
  });

  test('permission denied: fail and complete with startRecord:fail auth deny, no success, nothing recorded', async () => {
    const { wx, clock, log, rec } = setup({ permissionDenied: true });
    wx.startRecord(callbacks(rec));
    await clock.advance(61_000);
    expect(log).toEqual([
      { t: 10, what: 'fail', arg: { errMsg: 'startRecord:fail auth deny' } },
      { t: 10, what: 'complete', arg: { errMsg: 'startRecord:fail auth deny' } },
    ]);
  });

  test('returns a Promise only when none of success/fail/complete is given; it resolves at the end', async () => {
    const { wx, clock } = setup();
    expect(wx.startRecord({ complete: () => undefined })).toBeUndefined();
    wx.stopRecord();
    await clock.advance(1000);
    const p = wx.startRecord({ duration: 5 }) as Promise<unknown>;
    expect(typeof (p as { then?: unknown }).then).toBe('function');
    let settled: unknown;
    void p.then((v) => (settled = { at: clock.now(), v }));
    await clock.advance(4000);
    expect(settled).toBeUndefined();
    await clock.advance(2000);
    // (record_1 was the first, callback-form recording.)
    expect(settled).toEqual({ at: 6050, v: { errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp/record_2.silk' } });
  });

  test('the Promise rejects with the fail object', async () => {
    const { wx, clock } = setup({ permissionDenied: true });
    const p = wx.startRecord() as Promise<unknown>;
    let reason: unknown;
    p.catch((r) => (reason = r));
    await clock.advance(100);
    expect(reason).toEqual({ errMsg: 'startRecord:fail auth deny' });
  });

  test('stopRecord answers stopRecord:ok (success, complete) while recording, without tempFilePath, before the file arrives', async () => {
    const { wx, clock, log, rec } = setup();
    wx.startRecord({ success: rec('start.success') });
    await clock.advance(1000);
    wx.stopRecord(callbacks(rec, 'stop.'));
    await clock.advance(1000);
    expect(log).toEqual([
      { t: 1000, what: 'stop.success', arg: { errMsg: 'stopRecord:ok' } },
      { t: 1000, what: 'stop.complete', arg: { errMsg: 'stopRecord:ok' } },
      { t: 1050, what: 'start.success', arg: { errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp/record_1.silk' } },
    ]);
  });

  test('stopRecord while idle answers stopRecord:ok and does nothing else (no error, no trace)', async () => {
    const { wx, clock, log, rec, host } = setup();
    expect(wx.stopRecord(callbacks(rec))).toBeUndefined();
    await clock.advance(1000);
    expect(whats(log)).toEqual(['success', 'complete']);
    expect(host.trace.entries).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  test('a stopRecord during the start latency is not lost: it takes effect once started', async () => {
    const { wx, clock, log, rec } = setup({ stopBeforeStartIsLost: true });
    wx.startRecord({ success: rec('success') });
    wx.stopRecord();
    await clock.advance(1000);
    expect(log.map((l) => l.t)).toEqual([TIMING.START_LATENCY_MS + TIMING.END_DELAY_MS]);
  });

  test('an exception in success is traced as a callback error and complete still runs', async () => {
    const { wx, clock, log, rec, host } = setup();
    wx.startRecord({
      success: () => {
        throw new Error('oops');
      },
      complete: rec('complete'),
    });
    wx.stopRecord();
    await clock.advance(1000);
    expect(whats(log)).toEqual(['complete']);
    expect(host.trace.entries).toEqual([
      { t: 350, kind: 'error', source: 'callback', error: { $error: 'Error', message: 'oops' } },
    ]);
  });
});

// ---------------------------------------------------------------------------------------
describe('getRecorderManager (SPEC §2)', () => {
  const start = (rm: FakeRecorderManager, options?: unknown) => rm.start(options);

  test('one global manager per host, also through Taro', () => {
    const { wx, host } = setup();
    const rm = wx.getRecorderManager();
    expect(wx.getRecorderManager()).toBe(rm);
    expect((host.taro.getRecorderManager as Fn)()).toBe(rm);
    expect(((host.taro.default as Record<string, unknown>).getRecorderManager as Fn)()).toBe(rm);
    expect(createHost().wx.getRecorderManager).not.toBe(undefined);
    expect(((createHost().wx as unknown as Wx).getRecorderManager())).not.toBe(rm);
  });

  test('there are no off* methods', () => {
    const rm = setup().wx.getRecorderManager() as unknown as Record<string, unknown>;
    for (const m of ['offStart', 'offStop', 'offError', 'offPause', 'offResume', 'offFrameRecorded']) {
      expect(rm[m]).toBeUndefined();
    }
  });

  test.each(['Start', 'Stop', 'Error', 'Pause', 'Resume'])('on%s replaces the previous listener', async (event) => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager() as unknown as Record<string, Fn>;
    rm[`on${event}`](rec('first'));
    rm[`on${event}`](rec('second'));
    // Drive the manager through every event: error first (stop while idle), then a
    // recording that is paused, resumed and stopped.
    rm.stop();
    await clock.advance(100);
    rm.start();
    await clock.advance(500);
    rm.pause();
    await clock.advance(10);
    rm.resume();
    await clock.advance(10);
    rm.stop();
    await clock.advance(100);
    expect(whats(log)).toEqual(['second']);
  });

  test('onFrameRecorded and the interruption events accept a listener (never fired by the fake)', () => {
    const rm = setup().wx.getRecorderManager();
    expect(() => {
      rm.onFrameRecorded(() => undefined);
      rm.onInterruptionBegin(() => undefined);
      rm.onInterruptionEnd(() => undefined);
    }).not.toThrow();
  });

  test('defaults: aac file, 60000 ms duration; onStart ~300 ms after start; onStop { tempFilePath, duration, fileSize } 50 ms after the stop', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStart(rec('start'));
    rm.onStop(rec('stop'));
    start(rm);
    await clock.advance(TIMING.START_LATENCY_MS - 1);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(log).toEqual([{ t: 300, what: 'start', arg: undefined }]);
    await clock.advance(60_000);
    expect(log[1]).toEqual({
      t: 60_050,
      what: 'stop',
      // 48000 bit/s * 60 s / 8 = 360000 bytes.
      arg: { tempFilePath: 'wxfile://tmp/record_1.aac', duration: 60_000, fileSize: 360_000 },
    });
  });

  test.each([
    [5_000, 5_000],
    [600_000, 600_000],
    [700_000, 600_000],
    [0, 60_000],
  ])('duration %p ms stops at %p ms', async (duration, endsAt) => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStop(rec('stop'));
    start(rm, { duration });
    await clock.advance(endsAt + TIMING.END_DELAY_MS - 1);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(log.map((l) => (l.arg as { duration: number }).duration)).toEqual([endsAt]);
  });

  test('format picks the file extension', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStop(rec('stop'));
    start(rm, { format: 'mp3' });
    await clock.advance(1000);
    rm.stop();
    await clock.advance(100);
    expect((log[0].arg as { tempFilePath: string }).tempFilePath).toBe('wxfile://tmp/record_1.mp3');
  });

  const bandCases: Array<[number, number, boolean]> = [];
  for (const [rate, [min, max]] of BITRATE_BANDS) {
    bandCases.push([rate, min, true], [rate, max, true], [rate, min - 1, false], [rate, max + 1, false]);
  }
  test.each(bandCases)('sampleRate %p with encodeBitRate %p: accepted %p', (sampleRate, encodeBitRate, ok) => {
    const rm = setup().wx.getRecorderManager();
    const call = () => start(rm, { sampleRate, encodeBitRate });
    if (ok) expect(call).not.toThrow();
    else expect(call).toThrow(/encodeBitRate/);
  });

  test('throws synchronously on a sampleRate not in the list, and on the default bit rate outside the band', () => {
    const rm = setup().wx.getRecorderManager();
    expect(() => start(rm, { sampleRate: 9000 })).toThrow(/sampleRate/);
    expect(() => start(rm, { sampleRate: '8000' })).toThrow(/sampleRate/);
    // Defaults are filled first: 44100 Hz with the default 48000 bit/s is out of 64000..320000.
    expect(() => start(rm, { sampleRate: 44100 })).toThrow(/encodeBitRate/);
    expect(() => start(rm, { sampleRate: 44100, encodeBitRate: 128000 })).not.toThrow();
  });

  test('stop() while idle raises onError "audio is stop", asynchronously, under the idle-stop tag', async () => {
    const { wx, clock, host } = setup();
    const rm = wx.getRecorderManager();
    const seen: Array<{ t: number; tag: string | undefined; arg: unknown }> = [];
    rm.onError((arg: unknown) => {
      seen.push({ t: clock.now(), tag: clock.tag, arg });
      host.trace.call('wx.showToast', ['x']);
    });
    rm.stop();
    expect(seen).toEqual([]);
    await clock.advance(100);
    expect(MANAGER_ERRORS.idleStop).toBe("operateRecorder:fail:audio is stop, don't stop record again");
    expect(seen).toEqual([{ t: 10, tag: IDLE_STOP_TAG, arg: { errMsg: MANAGER_ERRORS.idleStop } }]);
    expect(host.trace.entries).toEqual([{ t: 10, tag: IDLE_STOP_TAG, kind: 'call', api: 'wx.showToast', args: ['x'] }]);
  });

  test('the idle-stop tag also covers promise continuations and timers started by the error listener', async () => {
    const { wx, clock, host } = setup();
    const rm = wx.getRecorderManager();
    rm.onError(() => {
      void host.Promise.resolve().then(() => host.trace.call('wx.microtask', []));
      clock.setTimeout(() => host.trace.call('wx.timer', []), 100);
    });
    rm.stop();
    await clock.advance(10);
    host.trace.call('wx.untagged', []);
    await clock.advance(1000);
    expect(host.trace.entries.map((e) => [e.t, e.tag, (e as { api?: string }).api])).toEqual([
      [10, IDLE_STOP_TAG, 'wx.microtask'],
      [10, undefined, 'wx.untagged'],
      [110, IDLE_STOP_TAG, 'wx.timer'],
    ]);
  });

  test('start() while recording raises onError "audio is recording"; the first recording goes on', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onError(rec('error'));
    rm.onStop(rec('stop'));
    start(rm);
    await clock.advance(1000);
    start(rm);
    await clock.advance(1000);
    rm.stop();
    await clock.advance(100);
    expect(log).toEqual([
      { t: 1010, what: 'error', arg: { errMsg: "operateRecorder:fail:audio is recording, don't start record again" } },
      { t: 2050, what: 'stop', arg: { tempFilePath: 'wxfile://tmp/record_1.aac', duration: 2000, fileSize: 12000 } },
    ]);
  });

  test('permission denied raises onError "operateRecorder:fail auth deny" and never starts', async () => {
    const { wx, clock, log, rec } = setup({ permissionDenied: true });
    const rm = wx.getRecorderManager();
    rm.onStart(rec('start'));
    rm.onError(rec('error'));
    rm.onStop(rec('stop'));
    start(rm);
    await clock.advance(61_000);
    expect(log).toEqual([{ t: 10, what: 'error', arg: { errMsg: 'operateRecorder:fail auth deny' } }]);
  });

  test('a stop() before onStart takes effect once started (default)', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStart(rec('start'));
    rm.onStop(rec('stop'));
    rm.onError(rec('error'));
    start(rm);
    rm.stop();
    await clock.advance(1000);
    expect(log.map((l) => [l.t, l.what])).toEqual([
      [300, 'start'],
      [350, 'stop'],
    ]);
  });

  test('with stopBeforeStartIsLost, a stop() before onStart is lost and the recording runs to its duration', async () => {
    const { wx, clock, log, rec } = setup({ stopBeforeStartIsLost: true });
    const rm = wx.getRecorderManager();
    rm.onStop(rec('stop'));
    rm.onError(rec('error'));
    start(rm);
    rm.stop();
    await clock.advance(60_000);
    expect(log).toEqual([]);
    await clock.advance(100);
    expect(log.map((l) => [l.t, l.what])).toEqual([[60_050, 'stop']]);
  });

  test('listeners are looked up at delivery: whoever registered last owns the events', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStop(rec('before'));
    start(rm);
    await clock.advance(1000);
    rm.onStop(rec('after'));
    rm.stop();
    await clock.advance(100);
    expect(whats(log)).toEqual(['after']);
  });

  test('both APIs share timing and the temp-file counter', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStop(rec('new'));
    wx.startRecord({ success: rec('old') });
    await clock.advance(1000);
    wx.stopRecord();
    start(rm);
    await clock.advance(1000);
    rm.stop();
    await clock.advance(1000);
    expect(log.map((l) => [l.t, l.what, (l.arg as { tempFilePath: string }).tempFilePath])).toEqual([
      [1050, 'old', 'wxfile://tmp/record_1.silk'],
      [2050, 'new', 'wxfile://tmp/record_2.aac'],
    ]);
  });

  test('stopRecord() does not stop a recording started through the manager (separate sessions, SPEC §6)', async () => {
    const { wx, clock, log, rec } = setup();
    const rm = wx.getRecorderManager();
    rm.onStop(rec('stop'));
    start(rm);
    await clock.advance(1000);
    wx.stopRecord();
    await clock.advance(1000);
    expect(log).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
describe('host', () => {
  test('other wx APIs are traced with their arguments; callbacks answer X:ok asynchronously', async () => {
    const { wx, clock, host, log, rec } = setup();
    (wx.showToast as Fn)({ title: 'hi', success: rec('success'), complete: rec('complete') });
    expect(log).toEqual([]);
    await clock.advance(0);
    expect(log).toEqual([
      { t: 0, what: 'success', arg: { errMsg: 'showToast:ok' } },
      { t: 0, what: 'complete', arg: { errMsg: 'showToast:ok' } },
    ]);
    expect(host.trace.entries).toEqual([
      {
        t: 0,
        kind: 'call',
        api: 'wx.showToast',
        args: [{ title: 'hi', success: '<function anonymous>', complete: '<function anonymous>' }],
      },
    ]);
  });

  test('without callbacks, other async APIs return a Promise; Sync APIs return plain values', async () => {
    const { wx, host, clock } = setup();
    const upload = (wx.uploadFile as Fn)({ url: 'u', filePath: 'f', name: 'n' }) as Promise<unknown>;
    await clock.advance(0);
    await expect(upload).resolves.toEqual({
      errMsg: 'uploadFile:ok',
      statusCode: 200,
      data: '{}',
    });
    expect((wx.getStorageSync as Fn)('k')).toBe('');
    expect(host.trace.entries.map((e) => (e.kind === 'call' ? e.api : e.kind))).toEqual([
      'wx.uploadFile',
      'wx.getStorageSync',
    ]);
  });

  test('authorize(scope.record) fails when permission is denied', async () => {
    const { wx, clock, log, rec } = setup({ permissionDenied: true });
    (wx.authorize as Fn)({ scope: 'scope.record', fail: rec('fail') });
    await clock.advance(0);
    expect(log).toEqual([{ t: 0, what: 'fail', arg: { errMsg: 'authorize:fail auth deny' } }]);
  });

  test('createInnerAudioContext returns a new playback context each time; its use is heard (a sound entry), not traced as calls', () => {
    const { wx, host } = setup();
    const audio = (wx.createInnerAudioContext as Fn)() as Record<string, unknown>;
    audio.src = 'wxfile://tmp/record_1.aac';
    (audio.play as Fn)();
    expect(audio.src).toBe('wxfile://tmp/record_1.aac');
    expect(audio.paused).toBe(false);
    expect((wx.createInnerAudioContext as Fn)()).not.toBe(audio);
    expect(host.trace.entries).toEqual([{ t: 0, kind: 'sound', event: 'start', file: 'wxfile://tmp/record_1.aac', at: 0 }]);
  });

  test('Taro (3.3.1+) passes startRecord/stopRecord straight to wx; default export is the module itself', async () => {
    const { host, clock, log, rec } = setup();
    const taro = host.taro;
    expect(taro.default).toBe(taro);
    expect((taro.startRecord as Fn)({ success: rec('success') })).toBeUndefined();
    (taro.stopRecord as Fn)();
    await clock.advance(1000);
    expect(whats(log)).toEqual(['success']);
    expect(host.usage().oldApiCalls).toBe(2);
  });

  test('Taro promisifies other APIs (callbacks still run) and passes Sync/create APIs through', async () => {
    const { host, clock, log, rec } = setup();
    const p = (host.taro.showModal as Fn)({ title: 't', success: rec('success') }) as Promise<unknown>;
    await clock.advance(0);
    await expect(p).resolves.toEqual({ errMsg: 'showModal:ok', confirm: true, cancel: false });
    expect(whats(log)).toEqual(['success']);
    expect((host.taro.getSystemInfoSync as Fn)()).toMatchObject({ platform: 'android' });
  });

  test('qq and swan are hosts of the same kind, with their own recorders', async () => {
    const { host, clock, log, rec } = setup();
    const qq = host.qq as unknown as Wx;
    const swan = host.swan as unknown as Wx;
    expect(qq.getRecorderManager()).not.toBe((host.wx as unknown as Wx).getRecorderManager());
    qq.startRecord({ success: rec('qq') });
    swan.startRecord({ success: rec('swan') });
    qq.stopRecord();
    swan.stopRecord();
    await clock.advance(1000);
    expect(whats(log)).toEqual(['qq', 'swan']);
    (qq.showToast as Fn)({ title: 'x' });
    expect(host.trace.entries.at(-1)).toMatchObject({ kind: 'call', api: 'qq.showToast' });
  });
});

// ---------------------------------------------------------------------------------------
describe('loader', () => {
  test('runs TSX/ESM, registers pages, provides Taro/React/components, traces console', async () => {
    const host = createHost();
    const app = loadApp(
      `import Taro from '@tarojs/taro'
       import { View } from '@tarojs/components'
       import { useState } from 'react'
       const x: number = 1
       console.info('loaded', x, typeof useState, typeof Taro.startRecord)
       export const el = <View onTap={() => 1}>hi</View>
       Page({ data: { a: 1 } })`,
      '/virtual/page.tsx',
      host,
    );
    expect(app.pages).toEqual([{ data: { a: 1 } }]);
    expect((app.exports as { el: unknown }).el).toMatchObject({ type: 'View', props: { children: 'hi' } });
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'console', level: 'info', args: ['loaded', 1, 'function', 'function'] },
    ]);
  });

  test('a package the simulation does not provide throws a clear error', () => {
    expect(() => loadApp("const x = require('lodash')", '/virtual/a.js', createHost())).toThrow(
      /requires 'lodash', which the simulated runtime does not provide/,
    );
  });

  test("the app's own modules are traced stand-ins, the same for both programs", () => {
    const host = createHost();
    loadApp("const util = require('../../utils/util.js')\nutil.formatTime(1)", '/virtual/a.js', host);
    expect(host.trace.entries).toEqual([{ t: 0, kind: 'call', api: 'module:../../utils/util.js.formatTime', args: [1] }]);
  });

  test('requiredModules lists imports, requires and plugins', () => {
    expect(
      requiredModules(`import a from 'a'; const b = require('b'); import('c'); const p = requirePlugin('speech')`),
    ).toEqual(['a', 'b', 'c', 'plugin:speech']);
  });

  test('timers and Date come from the fake clock', async () => {
    const host = createHost();
    loadApp(
      'setTimeout(() => console.log(Date.now(), new Date().getTime()), 1500)',
      '/virtual/a.js',
      host,
    );
    await host.clock.advance(2000);
    expect(host.trace.entries).toEqual([
      { t: 1500, kind: 'console', level: 'log', args: [EPOCH + 1500, EPOCH + 1500] },
    ]);
  });

  test('an exception in a timer callback is traced as a timer error', async () => {
    const host = createHost();
    loadApp('setTimeout(() => { null.x }, 5)', '/virtual/a.js', host);
    await host.clock.advance(10);
    expect(host.trace.entries).toMatchObject([{ t: 5, kind: 'error', source: 'timer', error: { $error: 'TypeError' } }]);
  });
});

// ---------------------------------------------------------------------------------------
describe('driver', () => {
  const mountFirst = async (code: string, filename = '/virtual/p.js') => {
    const host: Host = createHost();
    const loaded = loadApp(code, filename, host);
    const units = findUnits(loaded, host);
    const mounted = mountUnit(loaded, units[0].id, host);
    await mounted.load();
    return { host, mounted, units };
  };

  test('a Page gets its own data copy, a traced setData that merges paths, `this` = the page, onLoad(query)', async () => {
    const code = `
      const shared = { list: [{ n: 1 }] }
      Page({
        data: { shared },
        onLoad(query) { console.log('onLoad', query, this.data.shared.list[0].n) },
        bump() { this.setData({ 'shared.list[0].n': 2 }, function () { console.log('after', this.data.shared.list[0].n) }) },
        check() { console.log('original', shared.list[0].n) },
      })`;
    const { host, mounted } = await mountFirst(code);
    await mounted.call('bump');
    await host.clock.advance(0);
    await mounted.call('check');
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'console', level: 'log', args: ['onLoad', {}, 1] },
      { t: 0, kind: 'setData', target: 'page', data: { 'shared.list[0].n': 2 } },
      { t: 0, kind: 'console', level: 'log', args: ['after', 2] },
      { t: 0, kind: 'console', level: 'log', args: ['original', 1] },
    ]);
  });

  test('errors thrown out of handlers are traced, not thrown', async () => {
    const { host, mounted } = await mountFirst('Page({ boom() { throw new Error("x") } })');
    await mounted.call('boom');
    expect(host.trace.entries).toEqual([{ t: 0, kind: 'error', source: 'handler', error: { $error: 'Error', message: 'x' } }]);
  });

  test('a Component exposes its methods and runs its lifetimes', async () => {
    const { host, mounted } = await mountFirst(`
      Component({
        properties: { label: String },
        data: { n: 0 },
        lifetimes: { attached() { console.log('attached', this.data.label) }, detached() { console.log('detached') } },
        methods: { inc() { this.setData({ n: this.data.n + 1 }); this.triggerEvent('changed', { n: this.data.n }) } },
      })`);
    await mounted.call('inc');
    await mounted.unload();
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'console', level: 'log', args: ['attached', ''] },
      { t: 0, kind: 'setData', target: 'component', data: { n: 1 } },
      { t: 0, kind: 'call', api: 'component.triggerEvent', args: ['changed', { n: 1 }] },
      { t: 0, kind: 'console', level: 'log', args: ['detached'] },
    ]);
  });

  test('a Taro class component: methods and arrow fields are handlers, setState is traced', async () => {
    const { host, mounted, units } = await mountFirst(
      `import Taro, { Component } from '@tarojs/taro'
       export default class Index extends Component {
         state = { n: 0 }
         componentDidMount() { console.log('mounted') }
         inc() { this.setState({ n: this.state.n + 1 }) }
         arrow = () => { this.inc() }
       }`,
      '/virtual/index.jsx',
    );
    expect(units.map((u) => u.id)).toEqual(['class:default']);
    expect([...mounted.handlers().keys()].sort()).toEqual(['arrow', 'inc']);
    await mounted.call('arrow');
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'console', level: 'log', args: ['mounted'] },
      { t: 0, kind: 'setState', target: 'Index', data: { n: 1 } },
    ]);
  });

  test('a function component re-renders after a state update, so handlers see fresh state', async () => {
    const { host, mounted } = await mountFirst(
      `import { useState, useEffect } from 'react'
       import { View } from '@tarojs/components'
       export default function Counter() {
         const [n, setN] = useState(0)
         useEffect(() => { console.log('effect', n); return () => console.log('cleanup', n) }, [n])
         return <View onTap={() => setN(n + 1)}>{n}</View>
       }`,
      '/virtual/counter.jsx',
    );
    await mounted.call('/View.onTap');
    await mounted.call('/View.onTap');
    await mounted.unload();
    expect(host.trace.entries.map((e) => (e.kind === 'console' ? e.args.join(' ') : `${e.kind} ${JSON.stringify((e as { data?: unknown }).data)}`))).toEqual([
      'effect 0',
      'setState 1',
      'cleanup 0',
      'effect 1',
      'setState 2',
      'cleanup 1',
      'effect 2',
      'cleanup 2',
    ]);
  });

  test('handlers are classified by the words startRecord / stopRecord in their source', () => {
    expect(roleOf('function () { wx.startRecord({}) }')).toBe('start');
    expect(roleOf('() => Taro.stopRecord()')).toBe('stop');
    expect(roleOf('toggle() { this.data.on ? wx.stopRecord() : wx.startRecord() }')).toBe('toggle');
    expect(roleOf('startRecording() { helper() }')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
describe('normalisers stay narrow', () => {
  const entry = (args: unknown[]): TraceEntry => ({ t: 0, kind: 'console', level: 'log', args: args.map((a) => toJson(a)) });
  const apply = (name: string, entries: TraceEntry[]) => NORMALISERS.find((n) => n.name === name)!.apply(entries);

  test('silk-to-aac rewrites recording paths only', () => {
    expect(apply('silk-to-aac', [entry(['wxfile://tmp/record_3.silk', 'a.silk', 'x wxfile://store/record_1.silk'])])).toEqual([
      entry(['wxfile://tmp/record_3.aac', 'a.silk', 'x wxfile://store/record_1.aac']),
    ]);
  });

  test('error-prefix rewrites startRecord:fail only', () => {
    expect(
      apply('error-prefix', [entry(["startRecord:fail auth deny", 'startRecord:ok', 'stopRecord:fail', 'x startRecord:fail:y'])]),
    ).toEqual([entry(['operateRecorder:fail auth deny', 'startRecord:ok', 'stopRecord:fail', 'x operateRecorder:fail:y'])]);
  });

  test('success-result matches whole result objects only', () => {
    const old = { errMsg: 'startRecord:ok', tempFilePath: 'p' };
    const neu = { tempFilePath: 'p', duration: 1, fileSize: 2 };
    const out = apply('success-result', [entry([old, neu, { ...old, extra: 1 }, 'startRecord:ok', { tempFilePath: 'p' }])]);
    expect(out).toEqual([
      entry([{ '<recording result>': 'p' }, { '<recording result>': 'p' }, { ...old, extra: 1 }, 'startRecord:ok', { tempFilePath: 'p' }]),
    ]);
  });

  test('what an idle stop causes is never normalised away: converted code must not show it', () => {
    const tagged: TraceEntry = { t: 1, tag: IDLE_STOP_TAG, kind: 'call', api: 'wx.showToast', args: [] };
    const plain: TraceEntry = { t: 1, kind: 'call', api: 'wx.showToast', args: [] };
    expect(normalise([tagged, plain], 'new')).toEqual({ entries: [tagged, plain], applied: [] });
  });
});

// ---------------------------------------------------------------------------------------
describe('single-file components: loader', () => {
  test('<script> runs at load as the module; <script setup> is compiled at load but runs per instance', async () => {
    const host = createHost();
    const app = loadApp(
      `<template><view @tap="go">{{ n }}</view></template>
<script>
console.log('module')
export default { name: 'X' }
</script>
<script setup lang="ts">
const n: number = 1
console.log('setup', n)
function go(): void {}
const arrow = async () => {}
const fnExpr = (function () {}) as () => void
const notAFunction = n + 1
</script>`,
      '/virtual/x.vue',
      host,
    );
    expect(host.trace.entries.map((e) => (e.kind === 'console' ? e.args : e.kind))).toEqual([['module']]);
    expect((app.exports as { default: unknown }).default).toEqual({ name: 'X' });
    expect(app.sfc?.setup?.functions).toEqual(['go', 'arrow', 'fnExpr']);
    const first = app.sfc!.setup!.run([]);
    const second = app.sfc!.setup!.run([]);
    expect(Object.keys(first)).toEqual(['go', 'arrow', 'fnExpr']);
    expect(first.go).not.toBe(second.go);
    expect(host.trace.entries.filter((e) => e.kind === 'console').map((e) => (e as { args: unknown[] }).args)).toEqual([
      ['module'],
      ['setup', 1],
      ['setup', 1],
    ]);
  });

  test('block languages: babel and typescript are read, others and src blocks are clear errors', () => {
    const host = createHost();
    expect(() => loadApp('<script lang="babel">\nexport default { a: 1 }\n</script>', '/v/a.wpy', host)).not.toThrow();
    expect(() =>
      loadApp('<script lang="typescript">\nconst a: number = 1\nexport default { a }\n</script>', '/v/b.wpy', host),
    ).not.toThrow();
    expect(() => loadApp('<script lang="coffee">\nx = 1\n</script>', '/v/c.vue', host)).toThrow(
      /c\.vue: <script lang="coffee">: only JavaScript, TypeScript, JSX and TSX blocks are simulated/,
    );
    expect(() => loadApp('<script src="./logic.js"></script>', '/v/d.vue', host)).toThrow(/external script files are not simulated/);
    expect(() => loadApp('<template><view /></template>', '/v/e.vue', host)).toThrow(/has no <script> or <script setup> block/);
    // A type error is not a load error; a syntax error is.
    expect(() => loadApp('<script setup lang="ts">\nconst a = (\n</script>', '/v/f.vue', host)).toThrow(/does not compile/);
  });

  test('requiredModules reads only the script blocks of a component', () => {
    const code = `<template><text>import x from 'template-text'</text></template>
<script>import wepy from 'wepy'
import { connect } from 'wepy-redux'</script>
<script setup>import { ref } from 'vue'</script>`;
    expect(requiredModules(code, '/v/a.wpy')).toEqual(['wepy', 'wepy-redux', 'vue']);
    expect(requiredModules(code)).toContain('template-text');
  });

  test("uni-app conditional compilation keeps the WeChat build's code only, line for line", () => {
    const code = [
      'a()',
      '// #ifdef MP-WEIXIN',
      'weixin()',
      '  // #ifdef H5',
      '  h5Inside()',
      '  // #endif',
      '// #endif',
      '/* #ifndef MP-WEIXIN */',
      'notWeixin()\r',
      '/* #endif */',
      '// #ifdef H5 || MP-WEIXIN',
      'either()',
      '// #endif',
      '// #ifdef MP && H5',
      'both()',
      '// #endif',
    ].join('\n');
    const out = applyConditionalCompilation(code, UNI_PLATFORMS).split('\n');
    expect(out).toHaveLength(16);
    expect(out.filter((l) => /\w\(\)/.test(l)).map((l) => l.trim())).toEqual(['a()', 'weixin()', 'either()']);
    expect(out[8]).toBe('\r');
    expect(() => applyConditionalCompilation('// #ifdef H5\nx()', UNI_PLATFORMS)).toThrow(/without #endif/);
    expect(() => applyConditionalCompilation('// #endif', UNI_PLATFORMS)).toThrow(/#endif without/);
  });

  test('conditional compilation applies to .vue files, not to .wpy files', () => {
    const block = '<script>\n// #ifdef H5\nconsole.log("h5")\n// #endif\n</script>';
    const vue = createHost();
    loadApp(block, '/v/a.vue', vue);
    expect(vue.trace.entries).toEqual([]);
    const wepy = createHost();
    loadApp(block, '/v/a.wpy', wepy);
    expect(wepy.trace.entries).toMatchObject([{ kind: 'console', args: ['h5'] }]);
  });

  test('topLevelFunctions ignores nested functions and declarations without a body', () => {
    const code = `declare function ambient(): void
export type F = () => void
function outer() { function inner() {} }
let a = () => 1, b = 2
const { c } = { c: () => 3 }`;
    expect(topLevelFunctions(code, 'x.ts')).toEqual(['outer', 'a']);
  });

  test('in .vue files `uni` is wx without startRecord/stopRecord', async () => {
    const host = createHost();
    loadApp(
      `<script>
console.log(typeof uni.startRecord, typeof uni.stopRecord, uni.getRecorderManager() === wx.getRecorderManager())
uni.showToast({ title: 'hi' })
</script>`,
      '/v/a.vue',
      host,
    );
    expect(host.trace.entries).toEqual([
      { t: 0, kind: 'console', level: 'log', args: ['undefined', 'undefined', true] },
      { t: 0, kind: 'call', api: 'wx.showToast', args: [{ title: 'hi' }] },
    ]);
    const js = createHost();
    loadApp('console.log(typeof uni)', '/v/a.js', js);
    expect(js.trace.entries).toMatchObject([{ args: ['undefined'] }]);
  });
});

// ---------------------------------------------------------------------------------------
describe('single-file components: driver', () => {
  /** Entries as short strings: `set this.tip "x"`, `call $emit ["a"]`, `log a b`, `step x`. */
  const lines = (host: Host) =>
    host.trace.entries.map((e) => {
      switch (e.kind) {
        case 'set':
          return `set ${e.target}.${e.property} ${JSON.stringify(e.value)}`;
        case 'call':
          return `call ${e.api} ${JSON.stringify(e.args)}`;
        case 'console':
          return e.args.join(' ');
        case 'error':
          return `error ${e.source} ${JSON.stringify(e.error)}`;
        default:
          return e.kind;
      }
    });
  const mount = async (code: string, filename: string, unitId?: string) => {
    const host = createHost();
    const loaded: LoadedApp = loadApp(code, filename, host);
    const units = findUnits(loaded, host);
    const mounted = mountUnit(loaded, unitId ?? units[0].id, host);
    await mounted.load();
    return { host, mounted, units, loaded };
  };

  test('a Vue options component: traced data (deep), bound methods, $emit, computed, lifecycle order', async () => {
    const { host, mounted, units } = await mount(
      `<script>
export default {
  props: { label: { type: String, default: 'L' } },
  data() { return { tip: 'a', list: [], nested: { n: 1 } } },
  computed: { size() { return this.list.length } },
  beforeCreate() { console.log('beforeCreate', typeof this.tip) },
  created() { console.log('created', this.tip, this.label) },
  onLoad(query) { console.log('onLoad', JSON.stringify(query)) },
  mounted() { console.log('mounted') },
  onReady() { console.log('onReady') },
  onUnload() { console.log('onUnload') },
  beforeDestroy() { console.log('beforeDestroy') },
  unmounted() { console.log('unmounted') },
  methods: {
    change() {
      this.tip = 'b'
      this.tip = 'b'
      this.list.push('x')
      this.nested.n = 2
      const detached = this.report
      detached()
    },
    report() { this.$emit('changed', this.tip, this.size) },
  },
}
</script>`,
      '/v/a.vue',
    );
    expect(units).toEqual([{ id: 'vue:default', kind: 'vue' }]);
    expect([...mounted.handlers().keys()]).toEqual(['change', 'report']);
    await mounted.call('change');
    await mounted.unload();
    expect(lines(host)).toEqual([
      'beforeCreate undefined',
      'created a L',
      'onLoad {}',
      'mounted',
      'onReady',
      'set this.tip "b"',
      'set this.list.0 "x"',
      'set this.nested.n 2',
      'call $emit ["changed","b",1]',
      'onUnload',
      'beforeDestroy',
      'unmounted',
    ]);
  });

  test('frozen data is read as is (not traced), and Vue.extend options mount like plain options', async () => {
    const { host, mounted } = await mount(
      `<script>
import Vue from 'vue'
export default Vue.extend({
  data() { return { list: Object.freeze([{ n: 1 }]), tip: '' } },
  methods: { show() { this.tip = String(this.list[0].n) } },
})
</script>`,
      '/v/frozen.vue',
    );
    await mounted.call('show');
    expect(lines(host)).toEqual(['set this.tip "1"']);
  });

  test('the same default export in a .js file stays a plain object of functions', () => {
    const host = createHost();
    const units = findUnits(loadApp('export default { data() { return {} }, methods: {} }', '/v/a.js', host), host);
    expect(units).toEqual([{ id: 'object:default', kind: 'object' }]);
  });

  test('<script setup>: top-level functions are handlers; refs, reactive, emit traced; Vue and Taro hooks run', async () => {
    const code = `<script setup lang="ts">
import { ref, reactive, computed, onMounted, onUnmounted } from 'vue'
import { useLoad, useUnload } from '@tarojs/taro'
const props = withDefaults(defineProps<{ size?: number }>(), { size: 3 })
const emit = defineEmits<{ (e: 'done', n: number): void }>()
const on = ref(false)
const state = reactive({ items: [] as string[] })
const doubled = computed(() => props.size * 2)
console.log('setup')
onMounted(() => console.log('onMounted', doubled.value))
useLoad((q: unknown) => console.log('useLoad', JSON.stringify(q)))
useUnload(() => console.log('useUnload'))
onUnmounted(() => console.log('onUnmounted'))
function toggle() {
  on.value = !on.value
  on.value = on.value
  state.items.push('a')
  emit('done', state.items.length)
}
const helper = () => 1
</script>`;
    const { host, mounted, units, loaded } = await mount(code, '/v/s.vue');
    expect(units).toEqual([{ id: 'vue:default', kind: 'vue' }]);
    expect([...mounted.handlers().keys()]).toEqual(['toggle', 'helper']);
    expect(mounted.handlers().get('toggle')!.source).toMatch(/emit\('done'/);
    await mounted.call('toggle');
    await mounted.unload();
    expect(lines(host)).toEqual([
      'setup',
      'useLoad {}',
      'onMounted 6',
      'set ref#0.value true',
      'set reactive#0.items.0 "a"',
      'call $emit ["done",1]',
      'useUnload',
      'onUnmounted',
    ]);
    // Each mount is a new instance: setup runs again, with its own refs.
    const again = mountUnit(loaded, 'vue:default', host);
    await again.load();
    expect(lines(host).slice(8)).toEqual(['setup', 'useLoad {}', 'onMounted 6']);
  });

  test('a component with both blocks: the options and the setup functions are both there', async () => {
    const { mounted } = await mount(
      `<script>
export default { name: 'Both', methods: { fromOptions() {} } }
</script>
<script setup>
function fromSetup() {}
</script>`,
      '/v/both.vue',
    );
    expect([...mounted.handlers().keys()].sort()).toEqual(['fromOptions', 'fromSetup']);
  });

  test('a `setup` option: returned functions are handlers, returned refs are unwrapped on `this`', async () => {
    const { host, mounted } = await mount(
      `<script>
import { ref, defineComponent } from 'vue'
export default defineComponent({
  setup() {
    const count = ref(0)
    const inc = () => { count.value++ }
    return { count, inc }
  },
  methods: { show() { console.log('count', this.count) } },
})
</script>`,
      '/v/opt-setup.vue',
    );
    await mounted.call('inc');
    await mounted.call('show');
    expect(lines(host)).toEqual(['set ref#0.value 1', 'count 1']);
  });

  test('an exception in setup or a lifecycle hook is traced, not thrown', async () => {
    const { host } = await mount('<script setup>\nthrow new Error("boom")\n</script>', '/v/boom.vue');
    expect(lines(host)).toEqual(['error handler {"$error":"Error","message":"boom"}']);
  });

  test('a WePY 1 page: data fields traced on the instance, methods are handlers with this = instance, $apply traced', async () => {
    const { host, mounted, units } = await mount(
      `<script>
import wepy from 'wepy'
import { connect } from 'wepy-redux'
@connect({ user: (s) => s.user })
export default class Index extends wepy.page {
  data = { tip: '', files: [] }
  computed = { count() { return this.files.length } }
  methods = {
    add (e) {
      this.tip = 'added'
      this.files.push(e.type)
      this.$apply()
      this.$emit('added', this.count)
      wepy.showToast({ title: this.tip })
    }
  }
  helper () { wx.startRecord() }
  onLoad (q) { console.log('onLoad', JSON.stringify(q), this.tip === '') }
  onUnload () { console.log('onUnload') }
}
</script>`,
      '/v/index.wpy',
    );
    expect(units).toEqual([{ id: 'wepy:default', kind: 'wepy' }]);
    // Only the methods object: prototype methods are not event handlers in WePY 1.
    expect([...mounted.handlers().keys()]).toEqual(['add']);
    await mounted.call('add');
    await mounted.unload();
    expect(lines(host)).toEqual([
      'onLoad {} true',
      'set this.tip "added"',
      'set this.files.0 "tap"',
      'call $apply []',
      'call $emit ["added",1]',
      'call wx.showToast [{"title":"added"}]',
      'onUnload',
    ]);
  });

  test('WePY 2: wepy.page({...}) is a unit like a Vue options component (data may be an object)', async () => {
    const { host, mounted, units } = await mount(
      `<script>
import wepy from '@wepy/core'
wepy.page({
  data: { on: false },
  onLoad () { console.log('onLoad') },
  methods: { flip () { this.on = !this.on } },
})
</script>`,
      '/v/p.wpy',
    );
    expect(units).toEqual([{ id: 'wepy2#0', kind: 'wepy2' }]);
    await mounted.call('flip');
    await mounted.call('flip');
    expect(lines(host)).toEqual(['onLoad', 'set this.on true', 'set this.on false']);
  });

  test('vuex helpers: mapped state reads undefined, mapped actions and mutations are traced', async () => {
    const { host, mounted } = await mount(
      `<script>
import { mapState, mapActions, mapMutations } from 'vuex'
export default {
  computed: { ...mapState(['user']), ...mapState('ns', { other: (s) => s.x }) },
  methods: {
    ...mapActions(['save']),
    ...mapMutations({ reset: 'RESET' }),
    go () { console.log(this.user, this.other); this.save(1); this.reset() },
  },
}
</script>`,
      '/v/vx.vue',
    );
    await mounted.call('go');
    expect(lines(host)).toEqual([
      '<undefined> <undefined>',
      'call $store.dispatch ["save",1]',
      'call $store.commit ["RESET"]',
    ]);
  });
});
