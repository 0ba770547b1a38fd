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
import { createHost, HostOptions } from './host';
import { loadApp } from './load';
import type { TraceEntry } from './trace';

export type Step = { do: 'start' } | { do: 'stop' } | { do: 'advance'; ms: number };

export interface Scenario {
  id: string;
  description: string;
  host: HostOptions;
  steps: Step[];
}

const start: Step = { do: 'start' };
const stop: Step = { do: 'stop' };
const advance = (ms: number): Step => ({ do: 'advance', ms });

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
];

/** Time that passes after the unload, so events it causes are traced. */
export const AFTER_UNLOAD_MS = 1_000;

/** Which handler plays which role in one run. */
export interface Roles {
  start?: string;
  stop?: string;
}

/** Does the scenario only use roles that `roles` fills? */
export function applies(scenario: Scenario, roles: Roles): boolean {
  return scenario.steps.every((s) => s.do === 'advance' || roles[s.do] !== undefined);
}

/**
 * The (start, stop) handler pairs to try: each toggle with itself; each start handler with
 * each stop handler (or each toggle when there is no stop handler); stop handlers alone
 * when nothing starts. Capped, so a big page does not explode into hundreds of runs.
 */
export function rolePairs(c: Classified, max = 8): Roles[] {
  const pairs: Roles[] = c.toggle.map((t) => ({ start: t, stop: t }));
  const stops = c.stop.length > 0 ? c.stop : c.toggle;
  for (const s of c.start) {
    if (stops.length === 0) pairs.push({ start: s });
    for (const t of stops) pairs.push({ start: s, stop: t });
  }
  if (c.start.length === 0 && c.toggle.length === 0) for (const t of c.stop) pairs.push({ stop: t });
  return pairs.slice(0, max);
}

export interface ProgramSource {
  code: string;
  filename: string;
}

export interface ScenarioRun {
  trace: TraceEntry[];
  usage: { oldApiCalls: number; getRecorderManagerCalls: number };
}

/** Loads `program` on a fresh host and plays `scenario` on unit `unitId`. */
export async function runScenario(
  program: ProgramSource,
  unitId: string,
  roles: Roles,
  scenario: Scenario,
): Promise<ScenarioRun> {
  const host = createHost(scenario.host);
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
    host.trace.step(`${step.do}: ${name}`);
    await mounted.call(name);
  }
  host.trace.step('unload');
  await mounted.unload();
  await host.clock.advance(AFTER_UNLOAD_MS);
  return { trace: host.trace.entries, usage: host.usage() };
}

/** Loads and mounts `program` once to list its units and classify their handlers. */
export async function inspectProgram(program: ProgramSource): Promise<Map<string, Classified & { all: string[] }>> {
  const out = new Map<string, Classified & { all: string[] }>();
  const probe = createHost();
  const units = findUnits(loadApp(program.code, program.filename, probe), probe);
  for (const unit of units) {
    // Each unit on its own host: mounting runs app code.
    const host = createHost();
    const mounted = mountUnit(loadApp(program.code, program.filename, host), unit.id, host);
    await mounted.load();
    const handlers = mounted.handlers();
    out.set(unit.id, { ...classify(handlers), all: [...handlers.keys()] });
  }
  return out;
}
