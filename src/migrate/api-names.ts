import type { LegacyApi, PlaybackApi } from './report';

/**
 * The names the migration looks for, in one place: the recording API it rewrites, and the
 * playback API it reports. The engine's byte prefilter (engine/legacy-names.ts) reads them
 * from here too, so that both text tests always agree.
 */
export const RECORDING_APIS: readonly LegacyApi[] = ['startRecord', 'stopRecord'];
export const PLAYBACK_APIS: readonly PlaybackApi[] = ['playVoice', 'pauseVoice', 'stopVoice'];

/** Cheap text test: only a text that names one of them can hold a site. */
export function mentionsApiNames(text: string, names: readonly string[] = [...RECORDING_APIS, ...PLAYBACK_APIS]): boolean {
  return names.some((name) => text.includes(name));
}
