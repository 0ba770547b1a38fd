/**
 * What a project's Taro version means for `startRecord` (SPEC §1): Taro 1.x, 2.x and 3.0.0
 * to 3.3.0 wrapped it in a Promise that settles when the recording ends, callbacks or not;
 * 3.3.1 and later pass straight through to `wx.startRecord` (so `undefined` with callbacks).
 * An unknown version means a current Taro.
 */
export function taroStartRecordAlwaysPromise(version: string | undefined): boolean {
  const parsed = version ? /(\d+)\.(\d+|x)(?:\.(\d+))?/.exec(version) : null;
  if (!parsed) return false;
  if (parsed[2] === 'x') return Number(parsed[1]) < 3;
  const [major, minor, patch] = [Number(parsed[1]), Number(parsed[2]), Number(parsed[3] ?? 0)];
  return major < 3 || (major === 3 && (minor < 3 || (minor === 3 && patch < 1)));
}

/** A known Taro 1.x or 2.x (an unknown version means a current Taro). */
function classicTaro(version: string | undefined): boolean {
  const parsed = version ? /(\d+)\./.exec(version) : null;
  return parsed !== null && Number(parsed[1]) < 3;
}

/** Taro 1.x and 2.x compile JSX to `Taro.createElement`: the default import is used by JSX. */
export const taroJsxNeedsDefaultImport = classicTaro;

/** Taro 1.x and 2.x promisified `playVoice` (a Promise settled at the end, callbacks or not); 3.x passes it through (SPEC §8). */
export const taroPlayVoiceAlwaysPromise = classicTaro;
