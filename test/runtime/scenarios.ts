/**
 * The user stories the behaviour test plays on a program, each on a fresh host.
 *
 * A scenario is a list of steps over two roles, "start" (the handler that starts
 * recording) and "stop" (the one that stops it). The driver's `classify` finds the
 * handlers in the input program; a toggle handler plays both roles. After the steps the
 * unit is unloaded (onUnload & co., where apps often call `stopRecord()` just in case) and
 * time moves on, so late events show up in the trace too.
 */
import { classify, Classified, findUnits, mountUnit } from './driver';
import { createHost, HostOptions, HostSetup, Usage } from './host';
import { loadApp } from './load';
import type { TraceEntry } from './trace';

export type Step = { do: 'start' } | { do: 'stop' } | { do: 'play' } | { do: 'pause' } | { do: 'stopPlay' } | { do: 'advance'; ms: number };

export interface Scenario {
  id: string;
  description: string;
  host: HostOptions;
  steps: Step[];
}

const start: Step = { do: 'start' };
const stop: Step = { do: 'stop' };
const advance = (ms: number): Step => ({ do: 'advance', ms });
const play: Step = { do: 'play' };
const pause: Step = { do: 'pause' };
const stopPlay: Step = { do: 'stopPlay' };
/** Record 4 s, then wait a second: the file the playback scenarios play. */
const RECORD_4S: Step[] = [start, advance(4_000), stop, advance(1_000)];

export const SCENARIOS: readonly Scenario[] = [
  {
    id: '0-lifecycle',
    description: 'load, 61 s pass, unload (recording started or stopped by lifecycle code)',
    host: {},
    steps: [advance(61_000)],
  },
  {
    id: '1-record-5s',
    description: 'start, 5 s, stop, 1 s',
    host: {},
    steps: [start, advance(5_000), stop, advance(1_000)],
  },
  {
    id: '2-auto-stop',
    description: 'start, 61 s (the recording stops itself at 60 s)',
    host: {},
    steps: [start, advance(61_000)],
  },
  {
    id: '3-start-twice',
    description: 'start, 1 s, start again, 2 s, stop, 1 s',
    host: {},
    steps: [start, advance(1_000), start, advance(2_000), stop, advance(1_000)],
  },
  {
    id: '4-stop-idle',
    description: 'stop while nothing records, 1 s',
    host: {},
    steps: [stop, advance(1_000)],
  },
  {
    id: '5-quick-then-idle-stop',
    description: 'start, stop at once, 1 s, stop again while idle, 1 s',
    host: {},
    steps: [start, stop, advance(1_000), stop, advance(1_000)],
  },
  {
    id: '6-permission-denied',
    description: 'scope.record refused: start, 1 s',
    host: { permissionDenied: true },
    steps: [start, advance(1_000)],
  },
  // Playback of the recording (SPEC §8), on pages whose handlers call playVoice & co.
  {
    id: 'p1-record-then-play',
    description: 'record 4 s, play it to the end (5 s)',
    host: {},
    steps: [...RECORD_4S, play, advance(5_000)],
  },
  {
    id: 'p2-pause-resume',
    description: 'record 4 s, play, 1 s, pause, 2 s, play again (resumes), 5 s',
    host: {},
    steps: [...RECORD_4S, play, advance(1_000), pause, advance(2_000), play, advance(5_000)],
  },
  {
    id: 'p3-stop-then-play',
    description: 'record 4 s, play, 1 s, stop playing, 1 s, play again (starts over), 5 s',
    host: {},
    steps: [...RECORD_4S, play, advance(1_000), stopPlay, advance(1_000), play, advance(5_000)],
  },
  {
    id: 'p4-play-while-playing',
    description: 'record 4 s, play, 1 s, play again while it plays, 6 s',
    host: {},
    steps: [...RECORD_4S, play, advance(1_000), play, advance(6_000)],
  },
  {
    id: 'p5-hold-past-60s-then-play',
    description: 'start, 61 s (the recording stops itself at 60 s), stop, 1 s, play, 61 s',
    host: {},
    steps: [start, advance(61_000), stop, advance(1_000), play, advance(61_000)],
  },
];

/** Time that passes after the unload, so events it causes are traced. */
export const AFTER_UNLOAD_MS = 1_000;

/** Which handler plays which role in one run. */
export interface Roles {
  start?: string;
  stop?: string;
  play?: string;
  pause?: string;
  stopPlay?: string;
}

/** Does the scenario only use roles that `roles` fills? */
export function applies(scenario: Scenario, roles: Roles): boolean {
  return scenario.steps.every((s) => s.do === 'advance' || roles[s.do] !== undefined);
}

/**
 * The (start, stop) handler pairs to try: every handler that can start (start handlers,
 * then toggles) with every handler that can stop (stop handlers, then toggles), so a
 * toggle plays both roles and is also tried with a dedicated stop handler (a start
 * handler that schedules its own `stopRecord` is a toggle by its text). Start handlers
 * alone when nothing stops, stop handlers alone when nothing starts. Capped, so a big page
 * does not explode into hundreds of runs.
 */
export function rolePairs(c: Classified, max = 8): Roles[] {
  const starts = [...c.start, ...c.toggle];
  const stops = [...c.stop, ...c.toggle];
  const pairs: Roles[] = [];
  for (const start of starts) {
    if (stops.length === 0) pairs.push({ start });
    for (const stop of stops) pairs.push({ start, stop });
  }
  if (starts.length === 0) for (const stop of stops) pairs.push({ stop });
  // The page's first play, pause and stop-playing handlers, with every recording pair.
  const playback: Roles = {};
  if (c.play[0] !== undefined) playback.play = c.play[0];
  if (c.pause[0] !== undefined) playback.pause = c.pause[0];
  if (c.stopPlay[0] !== undefined) playback.stopPlay = c.stopPlay[0];
  return pairs.slice(0, max).map((p) => ({ ...p, ...playback }));
}

export interface ProgramSource {
  code: string;
  filename: string;
}

export interface ScenarioRun {
  trace: TraceEntry[];
  usage: Usage;
}

/** Loads `program` on a fresh host and plays `scenario` on unit `unitId`. */
export async function runScenario(
  program: ProgramSource,
  unitId: string,
  roles: Roles,
  scenario: Scenario,
  setup: HostSetup = {},
): Promise<ScenarioRun> {
  const host = createHost(scenario.host, setup);
  host.trace.step('load');
  const loaded = loadApp(program.code, program.filename, host);
  const mounted = mountUnit(loaded, unitId, host);
  await host.settle();
  host.trace.step('mount');
  await mounted.load();
  for (const step of scenario.steps) {
    if (step.do === 'advance') {
      await host.clock.advance(step.ms);
      continue;
    }
    const name = roles[step.do];
    if (name === undefined) throw new Error(`scenario ${scenario.id} needs a ${step.do} handler`);
    // Each user event is its own task, and events are at least a few ms apart: work the
    // host queued for "right away" (0 ms acknowledgements) runs before the next event.
    await host.clock.advance(0);
    host.trace.step(`${step.do}: ${name}`);
    await mounted.call(name);
  }
  host.trace.step('unload');
  await mounted.unload();
  await host.clock.advance(AFTER_UNLOAD_MS);
  return { trace: host.trace.entries, usage: host.usage() };
}

/** A unit of a program, its handlers and how their roles were found. */
export interface UnitInfo extends Classified {
  /** Every handler name the unit offers. */
  all: string[];
  /**
   * 'text': from the words startRecord/stopRecord in the handlers' source (the rule).
   * 'probe': no handler's text names them (e.g. `onTap={() => start()}` calling a
   *   closure), so each handler was called once on a throwaway host to see which one
   *   reaches startRecord/stopRecord. 'none': neither found anything.
   */
  foundBy: 'text' | 'probe' | 'none';
}

/** Loads and mounts `program` to list its units and classify their handlers. */
export async function inspectProgram(program: ProgramSource, setup: HostSetup = {}): Promise<Map<string, UnitInfo>> {
  const out = new Map<string, UnitInfo>();
  const probe = createHost({}, setup);
  const units = findUnits(loadApp(program.code, program.filename, probe), probe);
  for (const unit of units) {
    // Each unit on its own host: mounting runs app code.
    const mounted = await mountFresh(program, unit.id, setup);
    const handlers = mounted.handlers();
    const all = [...handlers.keys()];
    const byText = classify(handlers);
    if (byText.start.length + byText.stop.length + byText.toggle.length > 0) {
      const info: UnitInfo = { ...byText, all, foundBy: 'text' };
      // (The migrated program plays through an InnerAudioContext or the shim: same search.)
      if (info.play.length === 0 && /playVoice|createInnerAudioContext/.test(program.code)) await findPlayAfterRecording(program, unit.id, info, setup);
      out.set(unit.id, info);
      continue;
    }
    const byProbe: Classified = { start: [], stop: [], toggle: [], play: [], pause: [], stopPlay: [] };
    for (const name of all) {
      const m = await mountFresh(program, unit.id, setup);
      const before = m.host.usage();
      await m.call(name);
      await m.host.clock.advance(0);
      const after = m.host.usage();
      const starts = after.startRecord > before.startRecord;
      const stops = after.stopRecord > before.stopRecord;
      if (starts && stops) byProbe.toggle.push(name);
      else if (starts) byProbe.start.push(name);
      else if (stops) byProbe.stop.push(name);
    }
    const found = byProbe.start.length + byProbe.stop.length + byProbe.toggle.length > 0;
    out.set(unit.id, { ...byProbe, all, foundBy: found ? 'probe' : 'none' });
  }
  return out;
}

/**
 * Play buttons that only render once there is a recording (`{voice && <Button onClick={play}>}`):
 * record 4 s on a throwaway host, then look at the handlers again.
 */
async function findPlayAfterRecording(program: ProgramSource, unitId: string, info: UnitInfo, setup: HostSetup): Promise<void> {
  const start = info.start[0] ?? info.toggle[0];
  const stop = info.stop[0] ?? info.toggle[0];
  if (start === undefined || stop === undefined) return;
  const m = await mountFresh(program, unitId, setup);
  await m.call(start);
  await m.host.clock.advance(4_000);
  await m.call(stop);
  await m.host.clock.advance(1_000);
  const later = classify(m.handlers());
  info.play = later.play;
  info.pause = info.pause.length ? info.pause : later.pause;
  info.stopPlay = info.stopPlay.length ? info.stopPlay : later.stopPlay;
  for (const name of m.handlers().keys()) if (!info.all.includes(name)) info.all.push(name);
}

async function mountFresh(program: ProgramSource, unitId: string, setup: HostSetup = {}) {
  const host = createHost({}, setup);
  const mounted = mountUnit(loadApp(program.code, program.filename, host), unitId, host);
  await mounted.load();
  return Object.assign(mounted, { host });
}
