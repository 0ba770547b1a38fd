/**
 * Compares what an app does before and after the migration.
 *
 * Both programs play the same scenarios on fresh hosts; their traces must be equal once
 * the differences SPEC §4 calls known and unavoidable are normalised away. Each of those
 * is a small named normaliser, narrow enough that it cannot hide anything else:
 *
 * (a) 'silk-to-aac'     old recordings are .silk files, new ones .aac: the recording temp
 *                       paths (and paths derived from them) change extension.
 * (b) 'error-prefix'    error strings `startRecord:fail...` become `operateRecorder:fail...`
 *                       with the same suffix.
 * (c) 'success-result'  a success result seen whole: `{ errMsg: 'startRecord:ok',
 *                       tempFilePath }` before, `{ tempFilePath, duration, fileSize }` after.
 *                       Only the whole object is matched; reading `res.errMsg` is not.
 * Not normalised: after the migration `stop()` while idle raises onError, where the old
 * stopRecord was silent. Converted listeners ignore exactly that error (SPEC §2), so the
 * user sees nothing there either; the host tags what that dispatch causes, and a test
 * shows that a conversion without the guard is caught.
 * Times: the hosts answer asynchronously after delays nobody documents (the fake uses 0
 * to 10 ms for acknowledgements and errors), and the shim answers an immediate failure on
 * the next tick; so two entries match when everything but their time is equal and their
 * times are within ASYNC_TOLERANCE_MS. That still tells a 30 s limit from a 60 s one, or
 * an answer at start from one at stop.
 * (e) 'unhandled-startrecord-rejection'
 *                       a statement `wx.startRecord()` with no callbacks returns a Promise
 *                       (base library >= 2.10.2) that nobody handles, so a failure shows up
 *                       as an unhandled rejection of the fail object. The converted code
 *                       registers an empty onError instead (the transform notes this on the
 *                       site). Only rejections carrying a `startRecord:fail` object are
 *                       removed, on the old side.
 * (f) 'unhandled-playvoice-rejection'
 *                       the same for playback: a statement `wx.playVoice({ filePath })`
 *                       with no callbacks returns a Promise nobody handles, so a playVoice
 *                       failure (a file it cannot play) shows up as an unhandled rejection
 *                       of the fail object; the migrated code plays through an
 *                       InnerAudioContext, which has no Promise to reject (its failure
 *                       reaches onError; the transform notes this on the site), or through
 *                       the shim, which rejects as playVoice did (with its own wording for
 *                       a missing file). Only rejections whose reason is an object with an
 *                       errMsg starting `playVoice:fail` are removed, on both sides; what
 *                       plays (the sound entries) still tells a playback left on playVoice.
 *
 * A comparison records which normalisers changed something, so the test can state where
 * each known difference showed up.
 */
import { isDeepStrictEqual } from 'util';
import { IDLE_STOP_TAG } from './recorder-manager';
import {
  applies,
  inspectProgram,
  ProgramSource,
  rolePairs,
  Roles,
  runScenario,
  Scenario,
  SCENARIOS,
  UnitInfo,
} from './scenarios';
import type { HostSetup, Usage } from './host';
import { formatTrace, Json, TraceEntry } from './trace';

export type NormaliserName =
  | 'silk-to-aac'
  | 'error-prefix'
  | 'success-result'
  | 'unhandled-startrecord-rejection'
  | 'unhandled-playvoice-rejection'
  | 'uncaught-error-path';

export interface Normaliser {
  name: NormaliserName;
  /** Which trace it rewrites: the original program's, the migrated one's, or both. */
  side: 'old' | 'new' | 'both';
  apply(entries: readonly TraceEntry[]): TraceEntry[];
}

/** Rewrites every string in the payload of non-step entries. */
function mapStrings(entries: readonly TraceEntry[], fn: (s: string) => string): TraceEntry[] {
  return mapJson(entries, (v) => (typeof v === 'string' ? fn(v) : v));
}

/** Rewrites payload values bottom-up (steps, times, kinds and tags are left alone). */
function mapJson(entries: readonly TraceEntry[], fn: (v: Json) => Json): TraceEntry[] {
  const walk = (v: Json): Json => {
    if (Array.isArray(v)) return fn(v.map(walk));
    if (v !== null && typeof v === 'object') {
      const out: { [k: string]: Json } = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return fn(out);
    }
    return fn(v);
  };
  return entries.map((e) => {
    if (e.kind === 'step') return e;
    const { t, tag, kind, ...payload } = e;
    return { t, ...(tag !== undefined ? { tag } : {}), kind, ...(walk(payload as Json) as object) } as TraceEntry;
  });
}

/** A recording temp path, or a path derived from one (saveFile keeps the name). */
const SILK_PATH = /(wxfile:\/\/\S*?record_\d+)\.silk\b/g;
const OLD_FAIL = /\bstartRecord:fail/g;
const RECORDING_RESULT = '<recording result>';

function isOldSuccess(v: { [k: string]: Json }): boolean {
  const keys = Object.keys(v).sort();
  return keys.join() === 'errMsg,tempFilePath' && v.errMsg === 'startRecord:ok' && typeof v.tempFilePath === 'string';
}

function isNewStopResult(v: { [k: string]: Json }): boolean {
  const keys = Object.keys(v).sort();
  return keys.join() === 'duration,fileSize,tempFilePath' && typeof v.tempFilePath === 'string';
}

/** An unhandled rejection whose reason is the old API's fail object. */
function isStartRecordRejection(e: TraceEntry): boolean {
  if (e.kind !== 'unhandledRejection') return false;
  return /"errMsg":"startRecord:fail/.test(JSON.stringify(e));
}

/** An unhandled rejection whose reason is playVoice's fail object. */
function isPlayVoiceRejection(e: TraceEntry): boolean {
  if (e.kind !== 'unhandledRejection') return false;
  const reason = e.reason;
  return (
    reason !== null &&
    typeof reason === 'object' &&
    !Array.isArray(reason) &&
    typeof reason.errMsg === 'string' &&
    reason.errMsg.startsWith('playVoice:fail')
  );
}

export const NORMALISERS: readonly Normaliser[] = [
  {
    // First, while the errMsg still reads startRecord:fail.
    name: 'unhandled-startrecord-rejection',
    // Both sides: a shimmed program keeps the old Promise (and its rejection); a converted
    // one has none. The shim's own tests check that it keeps it.
    side: 'both',
    apply: (entries) => entries.filter((e) => !isStartRecordRejection(e)),
  },
  {
    name: 'unhandled-playvoice-rejection',
    side: 'both',
    apply: (entries) => entries.filter((e) => !isPlayVoiceRejection(e)),
  },
  {
    name: 'silk-to-aac',
    side: 'old',
    apply: (entries) => mapStrings(entries, (s) => s.replace(SILK_PATH, '$1.aac')),
  },
  {
    // An exception a callback throws reaches the app's onError either way; the shim
    // rethrows it from a timer so that complete still runs (as the host did), which the
    // trace labels 'timer' instead of 'callback', and which comes after what complete did
    // at that same moment: such errors go last among the entries of their instant.
    name: 'uncaught-error-path',
    side: 'both',
    apply: (entries) => {
      const relabelled: TraceEntry[] = entries.map((e) => (e.kind === 'error' && (e.source === 'callback' || e.source === 'timer') ? { ...e, source: 'callback' as const } : e));
      const out: TraceEntry[] = [];
      for (let i = 0; i < relabelled.length; ) {
        let j = i;
        while (j < relabelled.length && relabelled[j].t - relabelled[i].t <= ASYNC_TOLERANCE_MS && relabelled[j].kind !== 'step') j++;
        if (j === i) j = i + 1;
        const group = relabelled.slice(i, j);
        const isCallbackError = (e: TraceEntry) => e.kind === 'error' && e.source === 'callback';
        out.push(...group.filter((e) => !isCallbackError(e)), ...group.filter(isCallbackError));
        i = j;
      }
      return out;
    },
  },
  {
    name: 'error-prefix',
    // Both sides: a converted program sees `operateRecorder:fail`, a shimmed one keeps the
    // old `startRecord:fail`; either matches the original once the prefix is set aside.
    side: 'both',
    apply: (entries) => mapStrings(entries, (s) => s.replace(OLD_FAIL, 'operateRecorder:fail')),
  },

  {
    name: 'success-result',
    side: 'both',
    apply: (entries) =>
      mapJson(entries, (v) =>
        v !== null && typeof v === 'object' && !Array.isArray(v) && (isOldSuccess(v) || isNewStopResult(v))
          ? { [RECORDING_RESULT]: v.tempFilePath }
          : v,
      ),
  },
];

export const ASYNC_TOLERANCE_MS = 15;

/** Equal entries in the same order, times within ASYNC_TOLERANCE_MS of each other. */
export function sameTrace(a: readonly TraceEntry[], b: readonly TraceEntry[]): boolean {
  return a.length === b.length && a.every((entry, i) => sameEntry(entry, b[i]));
}

function sameEntry(a: TraceEntry, b: TraceEntry): boolean {
  return Math.abs(a.t - b.t) <= ASYNC_TOLERANCE_MS && isDeepStrictEqual({ ...a, t: 0 }, { ...b, t: 0 });
}

export interface Normalised {
  entries: TraceEntry[];
  /** Normalisers that changed something. */
  applied: NormaliserName[];
}

export function normalise(entries: readonly TraceEntry[], side: 'old' | 'new'): Normalised {
  let current = [...entries];
  const applied: NormaliserName[] = [];
  for (const n of NORMALISERS) {
    if (n.side !== side && n.side !== 'both') continue;
    const next = n.apply(current);
    if (!isDeepStrictEqual(next, current)) applied.push(n.name);
    current = next;
  }
  return { entries: current, applied };
}

export interface Comparison {
  unit: string;
  roles: Roles;
  scenario: Scenario;
  /** Raw traces. */
  old: TraceEntry[];
  new: TraceEntry[];
  oldNormalised: Normalised;
  newNormalised: Normalised;
  /** Entries of the new trace caused by `stop()` while idle (removed by 'idle-stop-error'). */
  tagged: TraceEntry[];
  equal: boolean;
  /** Recording API usage of the input and output runs. */
  usage: { old: Usage; new: Usage };
}

export interface BehaviourReport {
  /** Per unit of the INPUT program: its handlers and their roles. */
  units: Map<string, UnitInfo>;
  comparisons: Comparison[];
  /** Anything that makes the comparison itself invalid (missing units, old API in output...). */
  problems: string[];
}

/**
 * Plays every scenario that applies on every unit of `input` and of `output` and compares
 * the traces. `input` is the original program (old API), `output` the migrated one.
 */
export async function compareBehaviour(input: ProgramSource, output: ProgramSource, setup: HostSetup = {}): Promise<BehaviourReport> {
  const problems: string[] = [];
  const units = await inspectProgram(input, setup);
  const outUnits = await inspectProgram(output, setup);
  // Half-migrated inputs already reach the manager, directly or through the shim.
  const inputHadManager = input.code.includes('getRecorderManager') || /startrecord-shim|startrecord-codemod-shim/.test(input.code);
  if (units.size === 0) problems.push(`${input.filename}: registers no Page/Component and exports nothing runnable`);

  const comparisons: Comparison[] = [];
  for (const [unitId, classified] of units) {
    const outHandlers = outUnits.get(unitId);
    if (!outHandlers) {
      problems.push(`unit ${unitId} is missing from the output program`);
      continue;
    }
    const pairs = rolePairs(classified);
    // (A playback handler may only render once there is a recording: a missing one throws
    // when its scenario taps it.)
    for (const name of new Set(pairs.flatMap((p) => [p.start, p.stop]))) {
      if (name !== undefined && !outHandlers.all.includes(name)) {
        problems.push(`${unitId}: handler '${name}' is missing from the output program`);
      }
    }
    const runs: Array<{ roles: Roles; scenario: Scenario }> = [{ roles: {}, scenario: SCENARIOS[0] }];
    for (const roles of pairs) {
      for (const scenario of SCENARIOS.slice(1)) if (applies(scenario, roles)) runs.push({ roles, scenario });
    }
    for (const { roles, scenario } of runs) {
      const before = await runScenario(input, unitId, roles, scenario, setup);
      const after = await runScenario(output, unitId, roles, scenario, setup);
      const where = `${unitId} ${describeRoles(roles)} scenario ${scenario.id}`;
      if (after.usage.oldApiCalls > 0) {
        problems.push(`${where}: the output program called startRecord/stopRecord ${after.usage.oldApiCalls} time(s)`);
      }
      if (!inputHadManager && before.usage.getRecorderManagerCalls > 0) {
        problems.push(`${where}: the input program called getRecorderManager() (it never mentions it)`);
      }
      const oldTagged = before.trace.filter((e) => e.tag !== undefined);
      if (oldTagged.length > 0) problems.push(`${where}: the old API produced tagged entries:\n${formatTrace(oldTagged)}`);
      const oldNormalised = normalise(before.trace, 'old');
      const newNormalised = normalise(after.trace, 'new');
      comparisons.push({
        unit: unitId,
        roles,
        scenario,
        old: before.trace,
        new: after.trace,
        oldNormalised,
        newNormalised,
        tagged: after.trace.filter((e) => e.tag === IDLE_STOP_TAG),
        equal: sameTrace(oldNormalised.entries, newNormalised.entries),
        usage: { old: before.usage, new: after.usage },
      });
    }
  }
  if (units.size > 0 && !comparisons.some((c) => c.usage.old.oldApiCalls > 0)) {
    const found = [...units].map(([id, u]) => `${id}: ${u.all.join(', ') || 'no handlers'}`).join('; ');
    problems.push(`no scenario reached startRecord/stopRecord in the input program (${found})`);
  }
  return { units, comparisons, problems };
}

export function describeRoles(roles: Roles): string {
  const parts = [];
  if (roles.start) parts.push(`start=${roles.start}`);
  if (roles.stop) parts.push(`stop=${roles.stop}`);
  if (roles.play) parts.push(`play=${roles.play}`);
  if (roles.pause) parts.push(`pause=${roles.pause}`);
  if (roles.stopPlay) parts.push(`stopPlay=${roles.stopPlay}`);
  return parts.length ? `[${parts.join(' ')}]` : '[lifecycle only]';
}

/** Normalisers that changed something on either side. */
export function appliedNormalisers(c: Comparison): NormaliserName[] {
  return [...new Set([...c.oldNormalised.applied, ...c.newNormalised.applied])];
}

/** A failure message: where, the first differing entry, then both traces in full. */
export function describeDifference(c: Comparison, label = ''): string {
  const a = c.oldNormalised.entries;
  const b = c.newNormalised.entries;
  let i = 0;
  while (i < a.length && i < b.length && sameEntry(a[i], b[i])) i++;
  const show = (e: TraceEntry | undefined) => (e ? formatTrace([e]) : '(nothing)');
  return [
    `${label}${c.unit} ${describeRoles(c.roles)} scenario ${c.scenario.id} (${c.scenario.description})`,
    `first difference at normalised entry #${i}:`,
    `  old: ${show(a[i])}`,
    `  new: ${show(b[i])}`,
    `normalisers applied: ${appliedNormalisers(c).join(', ') || 'none'}`,
    '--- old program, raw trace ---',
    formatTrace(c.old),
    '--- new program, raw trace ---',
    formatTrace(c.new),
  ].join('\n');
}
