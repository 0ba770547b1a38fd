/**
 * The ordered record of what a simulated app does that a user or a server could notice:
 * page data it sets, host APIs it calls (toasts, uploads...), what the user hears, what
 * it logs, errors that escape its code and promise rejections nobody handles.
 *
 * The behaviour test runs the original program and the migrated one on fresh hosts and
 * compares these records, so entries are plain JSON-like data (snapshots taken at the
 * moment of the event; later mutation of the app's objects does not change them) and
 * carry the fake time at which they happened.
 *
 * The recording APIs themselves (startRecord, getRecorderManager...) are NOT traced:
 * they are what the migration changes. Their effects on the app are what we compare.
 * The playback APIs (playVoice, InnerAudioContext) are not traced either, for the same
 * reason: what they make audible is, as 'sound' entries (voice.ts), so the old and the
 * new API leave identical entries for identical audible behaviour.
 */
import type { FakeClock } from './clock';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where an exception escaped from. */
export type ErrorSource =
  /** An event handler or lifecycle method the driver called. */
  | 'handler'
  /** A callback or listener the host called (success, onStop, setData's callback...). */
  | 'callback'
  /** A timer callback. */
  | 'timer';

interface Base {
  /** Fake time (ms since the host was created). */
  t: number;
  /**
   * Causal tag, set when the entry happened while the host was dispatching a tagged
   * event (see `FakeClock.withTag`), e.g. 'idle-stop-error'.
   */
  tag?: string;
}

export type TraceEntry = Base &
  (
    | { kind: 'step'; label: string }
    | { kind: 'setData'; target: string; data: Json }
    | { kind: 'setState'; target: string; data: Json }
    | { kind: 'call'; api: string; args: Json[] }
    | { kind: 'set'; target: string; property: string; value: Json }
    | { kind: 'console'; level: string; args: Json[] }
    | { kind: 'error'; source: ErrorSource; error: Json }
    | { kind: 'unhandledRejection'; reason: Json }
    | { kind: 'sound'; event: SoundEvent; file: string; at: number }
  );

/**
 * What the user hears change on one playback channel: a file starts sounding (from the
 * beginning or resumed), pauses, is cut off, or plays to its end. `at` is the playback
 * position in ms within the file at that moment.
 */
export type SoundEvent = 'start' | 'pause' | 'stop' | 'end';

/** A TraceEntry without the fields the Trace fills in itself. */
export type TraceEvent = TraceEntry extends infer E ? (E extends TraceEntry ? Omit<E, 't' | 'tag'> : never) : never;

export class Trace {
  readonly entries: TraceEntry[] = [];

  constructor(private readonly clock: FakeClock) {}

  /** Appends an event, stamped with the current fake time and causal tag. */
  record(event: TraceEvent): void {
    const tag = this.clock.tag;
    const entry = { t: this.clock.now(), ...event } as TraceEntry;
    if (tag !== undefined) entry.tag = tag;
    this.entries.push(entry);
  }

  /** A marker for a driver action, so a printed trace reads like the scenario. */
  step(label: string): void {
    this.record({ kind: 'step', label });
  }

  call(api: string, args: readonly unknown[]): void {
    this.record({ kind: 'call', api, args: args.map((a) => toJson(a)) });
  }

  console(level: string, args: readonly unknown[]): void {
    this.record({ kind: 'console', level, args: args.map((a) => toJson(a)) });
  }

  error(source: ErrorSource, error: unknown): void {
    this.record({ kind: 'error', source, error: toJson(error) });
  }

  unhandledRejection(reason: unknown): void {
    this.record({ kind: 'unhandledRejection', reason: toJson(reason) });
  }

  /** Something audible happened to `file` at playback position `at` ms (see SoundEvent). */
  sound(event: SoundEvent, file: string, at: number): void {
    this.record({ kind: 'sound', event, file, at });
  }
}

/**
 * Snapshot of any value as JSON-like data. Values JSON cannot hold get readable string
 * stand-ins ('<undefined>', '<function name>') so that "logged undefined" and "logged
 * nothing" stay different. Works across realms (app objects come from a vm context), so
 * it never relies on `instanceof`.
 */
export function toJson(value: unknown, seen: Set<object> = new Set(), depth = 0): Json {
  if (value === null) return null;
  switch (typeof value) {
    case 'undefined':
      return '<undefined>';
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : `<${String(value)}>`;
    case 'bigint':
      return `<bigint ${String(value)}>`;
    case 'symbol':
      return `<${String(value)}>`;
    case 'function':
      return `<function ${(value as { name?: string }).name || 'anonymous'}>`;
  }
  const obj = value as object;
  if (seen.has(obj)) return '<circular>';
  if (depth > 20) return '<too deep>';
  const tagName = Object.prototype.toString.call(obj).slice(8, -1);
  if (tagName === 'Error') {
    const e = obj as { name?: unknown; message?: unknown };
    return { $error: String(e.name ?? 'Error'), message: String(e.message ?? '') };
  }
  if (tagName === 'Date') return `<Date ${(obj as Date).getTime()}>`;
  if (tagName === 'ArrayBuffer') return `<ArrayBuffer ${(obj as ArrayBuffer).byteLength}>`;
  if (tagName === 'Promise' || isThenable(obj)) return '<promise>';
  seen.add(obj);
  try {
    // A plain array of this realm: `map` on an app's array would make one of the app's
    // realm, whose prototype is not ours, and deep equality would tell them apart.
    if (Array.isArray(obj)) {
      const out: Json[] = [];
      for (const v of obj) out.push(toJson(v, seen, depth + 1));
      return out;
    }
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(obj)) {
      out[key] = toJson((obj as Record<string, unknown>)[key], seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}

function isThenable(obj: object): boolean {
  return typeof (obj as { then?: unknown }).then === 'function';
}

/** Human-readable one-line-per-entry rendering, for failure messages and reports. */
export function formatTrace(entries: readonly TraceEntry[]): string {
  return entries
    .map((e) => {
      const { t, tag, kind, ...rest } = e as TraceEntry & Record<string, unknown>;
      const body =
        kind === 'step'
          ? `--- ${String(rest.label)}`
          : kind === 'sound'
            ? `sound ${String(rest.event)} ${String(rest.file)} at ${String(rest.at)}ms`
            : `${kind} ${JSON.stringify(rest)}`;
      return `${String(t).padStart(6)}ms ${tag ? `[${tag}] ` : ''}${body}`;
    })
    .join('\n');
}
