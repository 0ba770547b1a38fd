/**
 * The simulated host plays sound back as SPEC §8 describes (runtime/voice.ts): the
 * deprecated playVoice / pauseVoice / stopVoice and InnerAudioContext. What the user hears
 * is traced as 'sound' entries, the same for both APIs, so the behaviour test can tell a
 * page whose playback still works after the migration from one whose playback broke.
 * Each test pins one rule and fails if the fake breaks it.
 */
import { createHost, HostOptions, HostSetup } from './runtime/host';
import { TIMING } from './runtime/native';
import { FakeInnerAudioContext, MEDIA_FORMAT_ERROR, OTHER_FILE_LENGTH_MS, VOICE_ERRORS } from './runtime/voice';
import { normalise } from './runtime/compare';
import { formatTrace, toJson, TraceEntry } from './runtime/trace';

type Fn = (...args: unknown[]) => unknown;
interface Wx {
  startRecord(options?: unknown): unknown;
  stopRecord(options?: unknown): unknown;
  getRecorderManager(): { start(o?: unknown): void; stop(): void; onStop(cb: unknown): void };
  playVoice(options?: unknown): unknown;
  pauseVoice(options?: unknown): unknown;
  stopVoice(options?: unknown): unknown;
  createInnerAudioContext(): FakeInnerAudioContext;
  saveFile(options?: unknown): unknown;
}

function setup(options: HostOptions = {}, hostSetup: HostSetup = {}) {
  const host = createHost(options, hostSetup);
  const log: Array<{ t: number; what: string; arg?: unknown }> = [];
  const rec =
    (what: string) =>
    (...args: unknown[]): void =>
      void log.push(args.length ? { t: host.clock.now(), what, arg: args[0] } : { t: host.clock.now(), what });
  return { host, log, rec, wx: host.wx as unknown as Wx, clock: host.clock };
}

const callbacks = (rec: (w: string) => Fn, prefix = '') => ({
  success: rec(`${prefix}success`),
  fail: rec(`${prefix}fail`),
  complete: rec(`${prefix}complete`),
});

/** The sound entries, as `t event file@at`. */
const sounds = (entries: readonly TraceEntry[]) =>
  entries.filter((e) => e.kind === 'sound').map((e) => (e.kind === 'sound' ? `${e.t} ${e.event} ${e.file}@${e.at}` : ''));

const whats = (log: Array<{ what: string }>) => log.map((l) => l.what);

/** Records `ms` with the old API and returns the delivered silk path. */
async function recordOld(wx: Wx, clock: { advance(ms: number): Promise<void> }, ms: number): Promise<string> {
  let path = '';
  wx.startRecord({ success: (res: { tempFilePath: string }) => (path = res.tempFilePath) });
  await clock.advance(ms);
  wx.stopRecord();
  await clock.advance(TIMING.END_DELAY_MS);
  expect(path).toMatch(/\.silk$/);
  return path;
}

/** Records `ms` with the manager and returns the delivered aac path. */
async function recordNew(wx: Wx, clock: { advance(ms: number): Promise<void> }, ms: number): Promise<string> {
  let path = '';
  const rm = wx.getRecorderManager();
  rm.onStop((res: { tempFilePath: string }) => (path = res.tempFilePath));
  rm.start();
  await clock.advance(ms);
  rm.stop();
  await clock.advance(TIMING.END_DELAY_MS);
  expect(path).toMatch(/\.aac$/);
  return path;
}

// ---------------------------------------------------------------------------------------
describe('file lengths', () => {
  test('playVoice of an old-API recording plays it for as long as it was recorded, then success and complete', async () => {
    const { wx, clock, host, log, rec } = setup();
    const path = await recordOld(wx, clock, 4000);
    expect(clock.now()).toBe(4050);
    expect(wx.playVoice({ filePath: path, ...callbacks(rec) })).toBeUndefined();
    await clock.advance(3999);
    expect(log).toEqual([]);
    await clock.advance(1);
    expect(sounds(host.trace.entries)).toEqual([`4050 start ${path}@0`, `8050 end ${path}@4000`]);
    expect(log).toEqual([
      { t: 8050, what: 'success', arg: { errMsg: 'playVoice:ok' } },
      { t: 8050, what: 'complete', arg: { errMsg: 'playVoice:ok' } },
    ]);
  });

  test('a manager recording plays in an InnerAudioContext for its recorded length', async () => {
    const { wx, clock, host, rec, log } = setup();
    const path = await recordNew(wx, clock, 2500);
    const audio = wx.createInnerAudioContext();
    audio.onEnded(rec('ended'));
    audio.src = path;
    expect(audio.duration).toBe(2.5);
    audio.play();
    await clock.advance(3000);
    expect(sounds(host.trace.entries)).toEqual([`2550 start ${path}@0`, `5050 end ${path}@2500`]);
    expect(log).toEqual([{ t: 5050, what: 'ended' }]);
  });

  test('a saved recording keeps its length; any other file lasts 5 s', async () => {
    const { wx, clock, host } = setup();
    const path = await recordOld(wx, clock, 1200);
    let saved = '';
    wx.saveFile({ tempFilePath: path, success: (r: { savedFilePath: string }) => (saved = r.savedFilePath) });
    await clock.advance(0);
    expect(saved).toBe(path.replace('wxfile://tmp/', 'wxfile://store/'));
    const t0 = clock.now();
    wx.playVoice({ filePath: saved });
    await clock.advance(10_000);
    // The format is the extension, a URL's query aside.
    const url = 'https://cdn.example.com/hello.silk?sign=1';
    wx.playVoice({ filePath: url });
    await clock.advance(10_000);
    expect(sounds(host.trace.entries)).toEqual([
      `${t0} start ${saved}@0`,
      `${t0 + 1200} end ${saved}@1200`,
      `${t0 + 10_000} start ${url}@0`,
      `${t0 + 10_000 + OTHER_FILE_LENGTH_MS} end ${url}@${OTHER_FILE_LENGTH_MS}`,
    ]);
  });
});

// ---------------------------------------------------------------------------------------
describe('playVoice / pauseVoice / stopVoice', () => {
  test('playVoice of an .aac file fails after ERROR_DELAY_MS; nothing sounds and the current voice goes on', async () => {
    const { wx, clock, host, log, rec } = setup();
    const silk = await recordOld(wx, clock, 3000);
    const aac = await recordNew(wx, clock, 3000);
    const t0 = clock.now();
    wx.playVoice({ filePath: silk, ...callbacks(rec, 'silk:') });
    await clock.advance(1000);
    wx.playVoice({ filePath: aac, ...callbacks(rec, 'aac:') });
    await clock.advance(TIMING.ERROR_DELAY_MS);
    const fail = { errMsg: VOICE_ERRORS.format };
    expect(fail.errMsg).toBe('playVoice:fail file format not supported');
    expect(log).toEqual([
      { t: t0 + 1010, what: 'aac:fail', arg: fail },
      { t: t0 + 1010, what: 'aac:complete', arg: fail },
    ]);
    await clock.advance(5000);
    expect(sounds(host.trace.entries)).toEqual([`${t0} start ${silk}@0`, `${t0 + 3000} end ${silk}@3000`]);
    expect(whats(log).slice(2)).toEqual(['silk:success', 'silk:complete']);
  });

  test('missing filePath fails with the parameter error; without callbacks the Promise rejects, unhandled (normalised on both sides)', async () => {
    const { wx, clock, host, log, rec } = setup();
    wx.playVoice({ fail: rec('fail') });
    const p = wx.playVoice({ filePath: 'wxfile://tmp/record_9.aac' }) as Promise<unknown>;
    expect(p).toBeInstanceOf(host.Promise);
    await clock.advance(TIMING.ERROR_DELAY_MS);
    expect(log).toEqual([{ t: 10, what: 'fail', arg: { errMsg: VOICE_ERRORS.parameter } }]);
    const rejection = { t: 10, kind: 'unhandledRejection', reason: { errMsg: VOICE_ERRORS.format } };
    expect(host.trace.entries).toEqual([rejection]);
    const old = normalise(host.trace.entries, 'old');
    expect(old.entries).toEqual([]);
    expect(old.applied).toContain('unhandled-playvoice-rejection');
    // The shim rejects as playVoice did: both sides.
    expect(normalise(host.trace.entries, 'new').entries).toEqual([]);
    // Narrow: another API's rejection stays.
    const other: TraceEntry = { t: 0, kind: 'unhandledRejection', reason: { errMsg: 'uploadFile:fail x' } };
    expect(normalise([other], 'old').entries).toEqual([other]);
  });

  test('without callbacks, playVoice returns a Promise that resolves with the success object at the end', async () => {
    const { wx, clock } = setup();
    const path = await recordOld(wx, clock, 1000);
    let settled: unknown;
    void (wx.playVoice({ filePath: path }) as Promise<unknown>).then((r) => (settled = r));
    await clock.advance(999);
    expect(settled).toBeUndefined();
    await clock.advance(1);
    expect(settled).toEqual({ errMsg: 'playVoice:ok' });
  });

  test('duration (seconds, from position 0) caps playback', async () => {
    const { wx, clock, host, log, rec } = setup();
    const path = await recordOld(wx, clock, 5000);
    const t0 = clock.now();
    wx.playVoice({ filePath: path, duration: 2, success: rec('success') });
    await clock.advance(6000);
    expect(sounds(host.trace.entries)).toEqual([`${t0} start ${path}@0`, `${t0 + 2000} stop ${path}@2000`]);
    expect(log).toEqual([{ t: t0 + 2000, what: 'success', arg: { errMsg: 'playVoice:ok' } }]);
  });

  test('pauseVoice pauses; playVoice of the same file resumes there; the paused call answers with the resuming one, first, at the end', async () => {
    const { wx, clock, host, log, rec } = setup();
    const path = await recordOld(wx, clock, 3000);
    const t0 = clock.now();
    wx.playVoice({ filePath: path, ...callbacks(rec, 'first:') });
    await clock.advance(1000);
    expect(wx.pauseVoice({ success: rec('pause:success') })).toBeUndefined();
    await clock.advance(5000);
    expect(log).toEqual([{ t: t0 + 1000, what: 'pause:success', arg: { errMsg: 'pauseVoice:ok' } }]);
    wx.playVoice({ filePath: path, ...callbacks(rec, 'second:') });
    await clock.advance(3000);
    expect(sounds(host.trace.entries)).toEqual([
      `${t0} start ${path}@0`,
      `${t0 + 1000} pause ${path}@1000`,
      `${t0 + 6000} start ${path}@1000`,
      `${t0 + 8000} end ${path}@3000`,
    ]);
    expect(whats(log)).toEqual(['pause:success', 'first:success', 'first:complete', 'second:success', 'second:complete']);
    expect(log.find((e) => e.what === 'first:success')?.t).toBe(t0 + 8000);
  });

  test('a new playVoice interrupts the previous voice, whose callbacks fire then (early), never at its end', async () => {
    const { wx, clock, host, log, rec } = setup();
    const a = await recordOld(wx, clock, 3000);
    const b = await recordOld(wx, clock, 2000);
    const t0 = clock.now();
    wx.playVoice({ filePath: a, ...callbacks(rec, 'a:') });
    await clock.advance(500);
    wx.playVoice({ filePath: b, ...callbacks(rec, 'b:') });
    await clock.advance(10_000);
    expect(sounds(host.trace.entries)).toEqual([
      `${t0} start ${a}@0`,
      `${t0 + 500} stop ${a}@500`,
      `${t0 + 500} start ${b}@0`,
      `${t0 + 2500} end ${b}@2000`,
    ]);
    expect(log.map((e) => `${e.t - t0} ${e.what}`)).toEqual(['500 a:success', '500 a:complete', '2500 b:success', '2500 b:complete']);
  });

  test('playVoice of the same file while it plays starts it over', async () => {
    const { wx, clock, host } = setup();
    const a = await recordOld(wx, clock, 3000);
    const t0 = clock.now();
    wx.playVoice({ filePath: a });
    await clock.advance(500);
    wx.playVoice({ filePath: a });
    await clock.advance(10_000);
    expect(sounds(host.trace.entries)).toEqual([
      `${t0} start ${a}@0`,
      `${t0 + 500} stop ${a}@500`,
      `${t0 + 500} start ${a}@0`,
      `${t0 + 3500} end ${a}@3000`,
    ]);
  });

  test('stopVoice cuts a paused voice, whose call answers then; a later playVoice starts over', async () => {
    const { wx, clock, host, log, rec } = setup();
    const a = await recordOld(wx, clock, 3000);
    const t0 = clock.now();
    wx.playVoice({ filePath: a, ...callbacks(rec, 'a:') });
    await clock.advance(1000);
    wx.pauseVoice();
    await clock.advance(1000);
    wx.stopVoice({ complete: rec('stop:complete') });
    await clock.advance(10_000);
    wx.playVoice({ filePath: a });
    await clock.advance(10_000);
    expect(sounds(host.trace.entries)).toEqual([
      `${t0} start ${a}@0`,
      `${t0 + 1000} pause ${a}@1000`,
      `${t0 + 2000} stop ${a}@1000`,
      `${t0 + 12_000} start ${a}@0`,
      `${t0 + 15_000} end ${a}@3000`,
    ]);
    expect(log).toEqual([
      { t: t0 + 2000, what: 'a:success', arg: { errMsg: 'playVoice:ok' } },
      { t: t0 + 2000, what: 'a:complete', arg: { errMsg: 'playVoice:ok' } },
      { t: t0 + 2000, what: 'stop:complete', arg: { errMsg: 'stopVoice:ok' } },
    ]);
  });

  test('pauseVoice and stopVoice without callbacks return a Promise of their answer (base library >= 2.10.2)', async () => {
    const { wx, clock } = setup();
    const paused = wx.pauseVoice() as Promise<unknown>;
    const stopped = wx.stopVoice() as Promise<unknown>;
    await clock.advance(0);
    await expect(paused).resolves.toEqual({ errMsg: 'pauseVoice:ok' });
    await expect(stopped).resolves.toEqual({ errMsg: 'stopVoice:ok' });
  });

  test("voiceCallbacks 'at-start': success and complete right after the start, never at the end", async () => {
    const { wx, clock, host, log, rec } = setup({ voiceCallbacks: 'at-start' });
    expect(host.options.voiceCallbacks).toBe('at-start');
    const a = await recordOld(wx, clock, 3000);
    const t0 = clock.now();
    wx.playVoice({ filePath: a, ...callbacks(rec) });
    await clock.advance(TIMING.ACK_DELAY_MS);
    expect(log).toEqual([
      { t: t0, what: 'success', arg: { errMsg: 'playVoice:ok' } },
      { t: t0, what: 'complete', arg: { errMsg: 'playVoice:ok' } },
    ]);
    await clock.advance(10_000);
    expect(whats(log)).toEqual(['success', 'complete']);
    expect(sounds(host.trace.entries)).toEqual([`${t0} start ${a}@0`, `${t0 + 3000} end ${a}@3000`]);
    expect(createHost().options.voiceCallbacks).toBe('at-end');
  });

  test('wx, qq and swan each have their own voice; calls are counted, not traced', async () => {
    const { host, clock } = setup();
    const wx = host.wx as unknown as Wx;
    const qq = host.qq as unknown as Wx;
    wx.playVoice({ filePath: 'a.silk' });
    qq.playVoice({ filePath: 'b.silk' });
    wx.pauseVoice();
    qq.stopVoice();
    await clock.advance(100);
    expect(sounds(host.trace.entries)).toEqual(['0 start a.silk@0', '0 start b.silk@0', '0 pause a.silk@0', '0 stop b.silk@0']);
    expect(host.trace.entries.every((e) => e.kind === 'sound')).toBe(true);
    expect(host.apis.wx.voice.calls).toEqual({ playVoice: 1, pauseVoice: 1, stopVoice: 0 });
    expect(host.apis.qq.voice.calls).toEqual({ playVoice: 1, pauseVoice: 0, stopVoice: 1 });
  });
});

// ---------------------------------------------------------------------------------------
describe('InnerAudioContext', () => {
  test('plays aac: sound start/end, onPlay after the start, onEnded at the end; its properties follow', async () => {
    const { wx, clock, host, log, rec } = setup();
    const audio = wx.createInnerAudioContext();
    expect(audio.paused).toBe(true);
    expect(audio.duration).toBe(0);
    audio.onPlay(rec('play'));
    audio.onEnded(rec('ended'));
    audio.src = 'https://cdn.example.com/a.aac';
    audio.play();
    expect(audio.paused).toBe(false);
    await clock.advance(2000);
    expect(audio.currentTime).toBe(2);
    expect(audio.duration).toBe(5);
    await clock.advance(3000);
    expect(audio.paused).toBe(true);
    expect(audio.currentTime).toBe(0);
    expect(sounds(host.trace.entries)).toEqual(['0 start https://cdn.example.com/a.aac@0', '5000 end https://cdn.example.com/a.aac@5000']);
    expect(log).toEqual([
      { t: 0, what: 'play' },
      { t: 5000, what: 'ended' },
    ]);
    // Neither the calls nor the property sets are traced: only what is heard.
    expect(host.trace.entries.every((e) => e.kind === 'sound')).toBe(true);
    expect(host.apis.wx.innerAudioContexts).toBe(1);
  });

  test('a silk src fails with MediaError 10004 after ERROR_DELAY_MS and nothing sounds', async () => {
    const { wx, clock, host, log, rec } = setup();
    const path = await recordOld(wx, clock, 1000);
    const t0 = clock.now();
    const audio = wx.createInnerAudioContext();
    audio.onError(rec('error'));
    audio.onPlay(rec('play'));
    audio.src = path;
    audio.play();
    await clock.advance(1000);
    expect(log).toEqual([{ t: t0 + TIMING.ERROR_DELAY_MS, what: 'error', arg: { errCode: 10004, errMsg: 'MediaError: format not supported' } }]);
    expect(MEDIA_FORMAT_ERROR.errCode).toBe(10004);
    expect(sounds(host.trace.entries)).toEqual([]);
    expect(audio.paused).toBe(true);
  });

  test('pause then play resumes where it paused; stop then play starts over', async () => {
    const { wx, clock, host, log, rec } = setup();
    const audio = wx.createInnerAudioContext();
    audio.onPause(rec('pause'));
    audio.onStop(rec('stop'));
    audio.onPlay(rec('play'));
    audio.src = 'x.mp3';
    audio.play();
    await clock.advance(1000);
    audio.pause();
    audio.pause(); // not playing: nothing
    await clock.advance(1000);
    audio.play();
    await clock.advance(1000);
    audio.stop();
    await clock.advance(1000);
    audio.play();
    await clock.advance(6000);
    expect(sounds(host.trace.entries)).toEqual([
      '0 start x.mp3@0',
      '1000 pause x.mp3@1000',
      '2000 start x.mp3@1000',
      '3000 stop x.mp3@2000',
      '4000 start x.mp3@0',
      '9000 end x.mp3@5000',
    ]);
    expect(log.map((l) => `${l.t} ${l.what}`)).toEqual(['0 play', '1000 pause', '2000 play', '3000 stop', '4000 play']);
  });

  test('two contexts sound at once: two starts with no stop between (one shared context would cut)', async () => {
    const { wx, clock, host } = setup();
    const a = wx.createInnerAudioContext();
    const b = wx.createInnerAudioContext();
    expect(a).not.toBe(b);
    expect(host.apis.wx.innerAudioContexts).toBe(2);
    a.src = 'a.aac';
    a.play();
    await clock.advance(1000);
    b.src = 'b.aac';
    b.play();
    await clock.advance(10_000);
    expect(sounds(host.trace.entries)).toEqual(['0 start a.aac@0', '1000 start b.aac@0', '5000 end a.aac@5000', '6000 end b.aac@5000']);

    // The same with one context: changing src cuts the first sound, as playVoice did.
    const one = setup();
    const ctx = one.wx.createInnerAudioContext();
    ctx.src = 'a.aac';
    ctx.play();
    await one.clock.advance(1000);
    ctx.src = 'b.aac';
    expect(ctx.paused).toBe(true);
    ctx.play();
    await one.clock.advance(10_000);
    expect(sounds(one.host.trace.entries)).toEqual(['0 start a.aac@0', '1000 stop a.aac@1000', '1000 start b.aac@0', '6000 end b.aac@5000']);
  });

  test('setting the same src again neither replays nor cuts; autoplay plays on a new src', async () => {
    const { wx, clock, host } = setup();
    const audio = wx.createInnerAudioContext();
    audio.src = 'a.aac';
    audio.play();
    await clock.advance(1000);
    audio.src = 'a.aac';
    expect(audio.paused).toBe(false);
    await clock.advance(5000);
    audio.src = 'a.aac';
    await clock.advance(6000);
    audio.autoplay = true;
    audio.src = 'b.aac';
    await clock.advance(6000);
    expect(sounds(host.trace.entries)).toEqual(['0 start a.aac@0', '5000 end a.aac@5000', '12000 start b.aac@0', '17000 end b.aac@5000']);
  });

  test('offEnded() with no argument removes every onEnded listener; offEnded(fn) only fn', async () => {
    const { wx, clock, log, rec } = setup();
    const audio = wx.createInnerAudioContext();
    const first = rec('first');
    const second = rec('second');
    audio.onEnded(first);
    audio.onEnded(second);
    audio.onEnded(first); // duplicates count
    audio.onPlay(rec('play'));
    audio.src = 'a.aac';
    audio.play();
    await clock.advance(5000);
    expect(whats(log)).toEqual(['play', 'first', 'second', 'first']);

    audio.offEnded(first);
    expect(audio.listenerCount('Ended')).toBe(1);
    audio.play();
    await clock.advance(5000);
    expect(whats(log).slice(4)).toEqual(['play', 'second']);

    audio.offEnded();
    expect(audio.listenerCount('Ended')).toBe(0);
    expect(audio.listenerCount('Play')).toBe(1);
    audio.play();
    await clock.advance(5000);
    expect(whats(log).slice(6)).toEqual(['play']);
  });

  test('a context snapshots as its plain properties, never the host behind it (apps log it or put it in page data)', () => {
    const { wx } = setup();
    const audio = wx.createInnerAudioContext();
    audio.src = 'a.aac';
    audio.volume = 0.5;
    expect(toJson(audio)).toEqual({ autoplay: false, loop: false, volume: 0.5, startTime: 0, obeyMuteSwitch: true, playbackRate: 1 });
  });

  test("listeners are called through the host: a listener's exception is traced as a callback error", async () => {
    const { wx, clock, host, log, rec } = setup();
    const audio = wx.createInnerAudioContext();
    audio.onPlay(() => {
      throw new Error('boom');
    });
    audio.onPlay(rec('after'));
    audio.src = 'a.aac';
    audio.play();
    await clock.advance(0);
    expect(host.trace.entries.filter((e) => e.kind === 'error')).toEqual([
      { t: 0, kind: 'error', source: 'callback', error: { $error: 'Error', message: 'boom' } },
    ]);
    expect(whats(log)).toEqual(['after']);
  });

  test('seek moves the position (a playing file ends sooner); destroy cuts silently and ends everything', async () => {
    const { wx, clock, host, log, rec } = setup();
    const audio = wx.createInnerAudioContext();
    audio.onSeeked(rec('seeked'));
    audio.onEnded(rec('ended'));
    audio.onStop(rec('stop'));
    audio.src = 'a.aac';
    audio.play();
    await clock.advance(1000);
    audio.seek(4);
    await clock.advance(1000);
    expect(sounds(host.trace.entries)).toEqual(['0 start a.aac@0', '2000 end a.aac@5000']);
    expect(whats(log)).toEqual(['seeked', 'ended']);
    audio.play();
    await clock.advance(1000);
    audio.destroy();
    audio.play();
    await clock.advance(10_000);
    expect(sounds(host.trace.entries).slice(2)).toEqual(['2000 start a.aac@0', '3000 stop a.aac@1000']);
    expect(whats(log)).toEqual(['seeked', 'ended']);
  });
});

// ---------------------------------------------------------------------------------------
describe('Taro', () => {
  test('Taro 2 playVoice always returns its own Promise (callbacks or not), resolved at the end', async () => {
    const { host, clock, log, rec } = setup({}, { taroVersion: '2.2.13' });
    const p = (host.taro.playVoice as Fn)({ filePath: 'a.silk', success: rec('success') }) as Promise<unknown>;
    expect(p).toBeInstanceOf(host.Promise);
    let settled: unknown;
    void p.then((r) => (settled = r));
    await clock.advance(4999);
    expect(settled).toBeUndefined();
    await clock.advance(1);
    expect(settled).toEqual({ errMsg: 'playVoice:ok' });
    expect(whats(log)).toEqual(['success']);
  });

  test('Taro 3+ passes playVoice, pauseVoice, stopVoice and createInnerAudioContext straight through', async () => {
    const { host, clock, log, rec } = setup({}, { taroVersion: '3.6.0' });
    const taro = host.taro;
    expect((taro.playVoice as Fn)({ filePath: 'a.silk', success: rec('success') })).toBeUndefined();
    expect((taro.pauseVoice as Fn)({ success: rec('paused') })).toBeUndefined();
    expect(typeof ((taro.stopVoice as Fn)() as Promise<unknown>).then).toBe('function');
    expect((taro.createInnerAudioContext as Fn)()).toBeInstanceOf(FakeInnerAudioContext);
    await clock.advance(10_000);
    expect(whats(log)).toEqual(['paused', 'success']);
    expect(host.apis.wx.voice.calls).toEqual({ playVoice: 1, pauseVoice: 1, stopVoice: 1 });
    expect(host.apis.wx.innerAudioContexts).toBe(1);
    // The default (current Taro) passes through too.
    expect((setup().host.taro.playVoice as Fn)({ filePath: 'a.silk', success: rec('x') })).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------
test('formatTrace prints a sound entry as event, file and position', () => {
  expect(formatTrace([{ t: 4050, kind: 'sound', event: 'end', file: 'wxfile://tmp/record_1.silk', at: 4000 }])).toBe(
    '  4050ms sound end wxfile://tmp/record_1.silk at 4000ms',
  );
});
