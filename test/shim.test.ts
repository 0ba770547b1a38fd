import * as fs from 'fs';
import * as path from 'path';
import { createHost, Host } from './runtime/host';
import { loadApp } from './runtime/load';

/**
 * The runtime shim, rule by rule (SPEC §5), running inside the simulated host: its timers
 * are the host's fake clock, its `wx` the host's, and its recordings go through the
 * simulated getRecorderManager().
 */
const SHIM_SOURCE = fs.readFileSync(path.join(__dirname, '..', 'shim', 'src', 'index.ts'), 'utf8');

interface Shim {
  startRecord(option?: Record<string, unknown>): Promise<unknown> | undefined;
  startRecordPromise(option?: Record<string, unknown>): Promise<unknown>;
  stopRecord(option?: Record<string, unknown>): void;
  createLegacyRecorder(get: () => unknown): { startRecord: Shim['startRecord']; stopRecord: Shim['stopRecord'] };
}

function setUp(options: Parameters<typeof createHost>[0] = {}): { host: Host; shim: Shim; log: string[]; cb: (name: string) => (res: unknown) => void } {
  const host = createHost(options);
  const shim = loadApp(SHIM_SOURCE, '/virtual/shim.ts', host).exports as Shim;
  const log: string[] = [];
  const cb = (name: string) => (res: unknown) => void log.push(`${host.clock.now()} ${name} ${JSON.stringify(res)}`);
  return { host, shim, log, cb };
}

const manager = (host: Host) => (host.wx.getRecorderManager as () => Record<string, (...a: unknown[]) => void>)();
const callbacks = (cb: (name: string) => (res: unknown) => void) => ({ success: cb('success'), fail: cb('fail'), complete: cb('complete') });

describe('startRecord', () => {
  test('success and complete fire when the recording ends, never at start, with the old result', async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord(callbacks(cb));
    await host.clock.advance(5000);
    expect(log).toEqual([]);
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log).toEqual([
      `5050 success {"errMsg":"startRecord:ok","tempFilePath":"wxfile://tmp/record_1.aac"}`,
      `5050 complete {"errMsg":"startRecord:ok","tempFilePath":"wxfile://tmp/record_1.aac"}`,
    ]);
  });

  test('without callbacks it returns a Promise that resolves at the end with the same object', async () => {
    const { host, shim } = setUp();
    let settled: unknown = 'pending';
    shim.startRecord()!.then((res) => (settled = res));
    await host.clock.advance(3000);
    expect(settled).toBe('pending');
    shim.stopRecord();
    await host.clock.advance(100);
    expect(settled).toEqual({ errMsg: 'startRecord:ok', tempFilePath: 'wxfile://tmp/record_1.aac' });
  });

  test('it stops by itself after 60 s, as the old API did', async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({ success: cb('success') });
    await host.clock.advance(59_999);
    expect(log).toEqual([]);
    await host.clock.advance(1000);
    expect(log).toEqual([`60050 success {"errMsg":"startRecord:ok","tempFilePath":"wxfile://tmp/record_1.aac"}`]);
  });

  test.each([
    [30, 30_000],
    [0, 60_000],
    [-5, 60_000],
    [1000, 600_000],
  ])("Android's undocumented duration %p (seconds) limits the recording to %p ms", async (seconds, ms) => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({ duration: seconds, success: cb('success') });
    await host.clock.advance(ms - 1);
    expect(log).toEqual([]);
    await host.clock.advance(100);
    expect(log).toHaveLength(1);
  });

  test('a second start while recording fails with the exact old message; the first recording goes on', async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({ success: cb('first success') });
    await host.clock.advance(1000);
    shim.startRecord({ fail: cb('second fail'), complete: cb('second complete') });
    await host.clock.advance(1000);
    expect(log).toEqual([
      `1000 second fail {"errMsg":"startRecord:fail:audio is recording, don't start record again"}`,
      `1000 second complete {"errMsg":"startRecord:fail:audio is recording, don't start record again"}`,
    ]);
    shim.stopRecord();
    await host.clock.advance(100);
    expect(log[2]).toMatch(/^2050 first success .*record_1\.aac/);
  });

  test('returns what the host returned: undefined when a callback is given, a Promise when none is', () => {
    const { shim } = setUp();
    expect(shim.startRecord({ success: () => undefined })).toBeUndefined();
    shim.stopRecord();
    const { shim: other } = setUp();
    expect(other.startRecord({ duration: 10 })).toBeInstanceOf(Object);
    expect(typeof (other.startRecord() as Promise<unknown>).then).toBe('function');
  });

  test('startRecordPromise (Taro before 3.3.1) returns the Promise even with callbacks; a refused permission fails with the old text, then complete, and rejects', async () => {
    const { host, shim, log, cb } = setUp({ permissionDenied: true });
    const promise = shim.startRecordPromise(callbacks(cb));
    let rejected: unknown;
    promise.catch((e) => (rejected = e));
    await host.clock.advance(100);
    expect(log).toEqual(['10 fail {"errMsg":"startRecord:fail auth deny"}', '10 complete {"errMsg":"startRecord:fail auth deny"}']);
    expect(rejected).toEqual({ errMsg: 'startRecord:fail auth deny' });
  });

  test('with callbacks, a failure never surfaces as an unhandled rejection; without, it does (as the old Promise did)', async () => {
    const withCallbacks = setUp({ permissionDenied: true });
    withCallbacks.shim.startRecord({ fail: () => undefined });
    await withCallbacks.host.clock.advance(100);
    await withCallbacks.host.settle();
    expect(withCallbacks.host.trace.entries.filter((e) => e.kind === 'unhandledRejection')).toEqual([]);

    const bare = setUp({ permissionDenied: true });
    bare.shim.startRecord();
    await bare.host.clock.advance(100);
    await bare.host.settle();
    expect(bare.host.trace.entries.filter((e) => e.kind === 'unhandledRejection')).toEqual([
      expect.objectContaining({ reason: { errMsg: 'startRecord:fail auth deny' } }),
    ]);
  });

  test('an exception in success does not keep complete from running', async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({
      success: () => {
        throw new Error('app bug');
      },
      complete: cb('complete'),
    });
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log).toHaveLength(1);
    expect(host.trace.entries.some((e) => e.kind === 'error')).toBe(true);
  });
});

describe('stopRecord', () => {
  test('while recording: stops it and answers stopRecord:ok before the recording result', async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({ success: cb('start success') });
    await host.clock.advance(2000);
    shim.stopRecord({ success: cb('stop success'), complete: cb('stop complete') });
    await host.clock.advance(1000);
    expect(log.map((l) => l.split(' {')[0])).toEqual(['2000 stop success', '2000 stop complete', '2050 start success']);
  });

  test('while idle: answers stopRecord:ok and does not call stop() (no onError for whoever listens)', async () => {
    const { host, shim, log, cb } = setUp();
    const rm = manager(host);
    const foreign: unknown[] = [];
    rm.onError((e: unknown) => foreign.push(e));
    shim.stopRecord({ success: cb('stop success') });
    await host.clock.advance(1000);
    expect(log).toEqual(['0 stop success {"errMsg":"stopRecord:ok"}']);
    expect(foreign).toEqual([]);
  });

  test('a stop issued before the recorder reported onStart still stops the recording, even when the host drops it', async () => {
    const { host, shim, log, cb } = setUp({ stopBeforeStartIsLost: true });
    shim.startRecord({ success: cb('success') });
    await host.clock.advance(100);
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log).toEqual([`350 success {"errMsg":"startRecord:ok","tempFilePath":"wxfile://tmp/record_1.aac"}`]);
  });
});

test('a stop issued before onStart, on a host that keeps it: one recording result, no error', async () => {
  const { host, shim, log, cb } = setUp();
  shim.startRecord(callbacks(cb));
  await host.clock.advance(100);
  shim.stopRecord();
  await host.clock.advance(1000);
  expect(log.map((l) => l.split(' {')[0])).toEqual(['350 success', '350 complete']);
});

describe('listeners and sessions', () => {
  test("an error raised after the shim's recording ended (someone's stop() while idle) does not reach its callbacks", async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord(callbacks(cb));
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log).toHaveLength(2);
    manager(host).stop();
    await host.clock.advance(1000);
    expect(log).toHaveLength(2);
  });

  test("a listener another part of the app registered before the start does not see the shim's recording", async () => {
    const { host, shim, cb } = setUp();
    const rm = manager(host);
    const foreign: unknown[] = [];
    rm.onStop((res: unknown) => foreign.push(res));
    shim.startRecord({ success: cb('success') });
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(foreign).toEqual([]);
  });

  test("a stale shim listener does nothing for a recording someone else starts through the manager", async () => {
    const { host, shim, log, cb } = setUp();
    shim.startRecord({ success: cb('shim success') });
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log).toHaveLength(1);
    const rm = manager(host);
    rm.start({ duration: 5000 });
    await host.clock.advance(10_000);
    rm.stop();
    await host.clock.advance(1000);
    expect(log).toHaveLength(1);
  });

  test('recorders over the same manager share one state (a start in one file, a stop in another)', async () => {
    const { host, shim, log, cb } = setUp();
    const other = shim.createLegacyRecorder(() => manager(host));
    other.startRecord({ success: cb('success') });
    await host.clock.advance(1000);
    shim.startRecord({ fail: cb('fail') });
    shim.stopRecord();
    await host.clock.advance(1000);
    expect(log.map((l) => l.split(' {')[0])).toEqual(['1000 fail', '1050 success']);
  });

  test("two copies of the shim in one app (the package's CommonJS and ES module builds, the file the codemod writes) share one recording: started through one, stopped through another", async () => {
    const { host, shim, log, cb } = setUp();
    const built = (file: string) => fs.readFileSync(path.join(__dirname, '..', file), 'utf8');
    const cjs = loadApp(built('shim/dist/index.js'), '/virtual/node_modules/startrecord-codemod-shim/dist/index.js', host).exports as Shim;
    const vendored = loadApp(built('dist/shim-files/startrecord-shim.esm.js'), '/virtual/src/startrecord-shim.js', host).exports as Shim;
    expect(cjs.startRecord).not.toBe(shim.startRecord);
    cjs.startRecord({ success: cb('success') });
    await host.clock.advance(2000);
    // A second start through another copy fails as it did on the old API: one recording.
    vendored.startRecord({ fail: cb('second start fails') });
    shim.stopRecord();
    await host.clock.advance(100);
    expect(log.map((l) => l.split(' {')[0])).toEqual(['2000 second start fails', '2050 success']);
  });

  test('an explicit host: the entry for Taro React Native, where only Taro.getRecorderManager() exists', async () => {
    const { host, shim, log, cb } = setUp();
    const taro = host.taro as { getRecorderManager: () => unknown };
    const recorder = shim.createLegacyRecorder(() => taro.getRecorderManager());
    recorder.startRecord({ success: cb('success') });
    recorder.stopRecord();
    await host.clock.advance(1000);
    expect(log).toHaveLength(1);
  });

  test('no recorder on this platform: fails like the old call did where it did not exist', async () => {
    const { host, shim, log, cb } = setUp();
    const recorder = shim.createLegacyRecorder(() => undefined);
    recorder.startRecord(callbacks(cb));
    await host.clock.advance(10);
    expect(log).toEqual(['0 fail {"errMsg":"startRecord:fail not supported"}', '0 complete {"errMsg":"startRecord:fail not supported"}']);
  });
});
