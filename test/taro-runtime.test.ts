import * as fs from 'fs';
import * as path from 'path';
import { compareBehaviour, describeDifference } from './runtime/compare';
import { FIXTURE_DIR } from './support/fixtures';

/**
 * Converted and shimmed Taro code, run through Taro itself: the `@tarojs/taro` the app
 * imports is the API object Taro's own weapp runtime (@tarojs/plugin-platform-weapp's
 * `initNativeApi`, with @tarojs/shared's `processApis`) builds over the simulated `wx`,
 * exactly as a weapp build does at start-up. The original program and the migrated one
 * must behave the same through it (same scenarios and known differences as the behaviour
 * test).
 */

// eslint-disable-next-line @typescript-eslint/no-var-requires
const createWeappTaro = require('./support/taro-weapp') as (wx: Record<string, unknown>) => Record<string, unknown>;

/**
 * The APIs the fixtures use. processApis takes the host's own keys (`Object.keys(wx)`),
 * so the simulated `wx` (a Proxy) is exposed through a plain object with real keys.
 */
const WX_APIS = [
  'startRecord', 'stopRecord', 'getRecorderManager', 'showToast', 'showModal', 'showLoading', 'hideLoading',
  'openSetting', 'uploadFile', 'createInnerAudioContext', 'vibrateShort', 'playVoice',
];

function realTaro(wx: Record<string, unknown>): Record<string, unknown> {
  const platform: Record<string, unknown> = {};
  for (const name of WX_APIS) platform[name] = (...args: unknown[]) => (wx[name] as (...a: unknown[]) => unknown)(...args);
  return createWeappTaro(platform);
}

test("Taro's weapp runtime really builds the API object over the simulated wx", () => {
  const calls: string[] = [];
  const wx: Record<string, unknown> = {};
  for (const name of WX_APIS) wx[name] = () => void calls.push(name);
  const taro = realTaro(wx);
  (taro.startRecord as (o: unknown) => void)({});
  (taro.getRecorderManager as () => void)();
  expect(calls).toEqual(['startRecord', 'getRecorderManager']);
  expect(typeof taro.Link).toBe('function');
  // Not our fake: Taro's own wrappers, promisifying the APIs it promisifies.
  expect(typeof taro.showToast).toBe('function');
  expect(String(taro.showToast)).toMatch(/Promise/);
});

const CASES = [
  // (taro-class-component.jsx is Taro 1/2 code: it takes Component from @tarojs/taro, which Taro 4 has not.)
  'taro-class-component.tsx',
  'taro-hooks.tsx',
  'taro-named-imports.ts',
  'taro-destructured.js',
  'shim-promise-forms.ts',
];

test.each(CASES)('%s behaves the same through real Taro', async (name) => {
  const [base, ext] = [name.slice(0, name.lastIndexOf('.')), name.slice(name.lastIndexOf('.') + 1)];
  const inputPath = path.join(FIXTURE_DIR, `${base}.input.${ext}`);
  const outputPath = path.join(FIXTURE_DIR, `${base}.output.${ext}`);
  const report = await compareBehaviour(
    { code: fs.readFileSync(inputPath, 'utf8'), filename: inputPath },
    { code: fs.readFileSync(outputPath, 'utf8'), filename: outputPath },
    { taro: realTaro },
  );
  expect(report.problems).toEqual([]);
  expect(report.comparisons.length).toBeGreaterThan(0);
  const different = report.comparisons.filter((c) => !c.equal);
  if (different.length > 0) throw new Error(different.map((d) => describeDifference(d)).join('\n\n'));
});
