import { someNode, walkNodes } from './ast-walk';
import { FOREIGN_HOST_REASONS } from './hosts';
import { ExistingManager, hostGroup } from './manager';
import { NOTES } from './notes';
import { Site } from './sites';
import { StartOptions, analyzeStartOptions } from './start-options';
import { StopCallback, analyzeStopOptions } from './stop-options';

/**
 * What to do with each site, and why. Decisions are made for the whole file before any
 * text is edited, because sites depend on each other: a recording started through one API
 * must be stopped through the same API.
 */
export type Decision =
  | { site: Site; action: 'convert'; notes: string[]; start?: StartOptions; stopCallbacks?: StopCallback[]; inlineStopCallback?: boolean }
  /** Pointed at the runtime shim, which keeps the old semantics exactly (shim/src/index.ts). */
  | { site: Site; action: 'shim'; reason: string; notes: string[] }
  /**
   * Left alone. `blocksGroup`: the file's other sites of this host cannot change API
   * without it. `shimmable`: the shim would run this site faithfully.
   */
  | {
      site: Site;
      action: 'skip';
      reason: string;
      blocksGroup: boolean;
      shimmable: boolean;
      notOurs?: boolean;
      /** Notes that hold whatever API runs the site (a stop's missing tempFilePath). */
      keptNotes?: string[];
    };

export interface FileFacts {
  /** Set when the file is JS-SDK web code: its `wx` calls are not ours. */
  jsSdkSign: string | null;
  existingManagers: ExistingManager[];
  /** `manager.onStop(...)`/`onError(...)` registrations the file already has, with their line. */
  existingListeners: Array<{ group: string; line: number; event: string; once: boolean }>;
  /** `manager.start(...)` calls the file already has (half-migrated), per host group, with their line. */
  managerStarts: Array<{ group: string; line: number }>;
  typescript: boolean;
  /** Host groups that have a startRecord site in this file. */
  groupsWithStart: Set<string>;
  /** The project's Taro is older than 3.3.1: `Taro.startRecord` returns its Promise even with callbacks. */
  taroAlwaysPromise: boolean;
  /** The file already starts recordings through the shim (a second run, a hand edit): its line. */
  shimStartLine: number | null;
  /** A test file (a `.test.`/`.spec.` name, or Jest's globals): its calls are mocks and assertions. */
  testFile: boolean;
  /**
   * Functions imported by name from Taro that the rest of a Vue component also names (its
   * template, its other script block; see sfc-other-block.ts): uses the codemod does not
   * see or migrate, so the calls here stay on the old API with them.
   */
  namesUsedElsewhere?: ReadonlySet<string>;
}

export function decideAll(sites: Site[], facts: FileFacts, useShim: boolean, source = ''): Decision[] {
  const decideWith = (namesThatStay: ReadonlySet<string>) => {
    const decisions = keepImmediateStopsWithTheShim(separateRecordingsApart(sites.map((site) => decide(site, facts)), source));
    return keepGroupsOnOneApi(decisions, useShim, namesThatStay);
  };
  // A shimmed call of a function imported by name keeps the name and takes it from the shim
  // instead of Taro: a name that some use here leaves on the old API must stay Taro's, so
  // its other uses cannot go to the shim.
  const given = facts.namesUsedElsewhere ?? new Set<string>();
  const decisions = decideWith(given);
  const left = decisions.filter((d) => d.action === 'skip' && d.site.host.kind === 'taro-named').map((d) => d.site.host.name);
  const shimmed = decisions.filter((d) => d.action === 'shim' && d.site.host.kind === 'taro-named').map((d) => d.site.host.name);
  if (!shimmed.some((name) => left.includes(name))) return decisions;
  return decideWith(new Set([...given, ...left]));
}

/**
 * Two start sites of one host with different callbacks (a memo button and a reply button):
 * a tap on one while the other records failed with "audio is recording" and the first
 * recording went on with its own callbacks. Converted, the failed start registers its
 * listeners first and takes the running recording over (the memo is handled as a reply).
 * The shim keeps each recording's callbacks apart (its session token), so those starts go
 * there (SPEC §6). Sites with the same callback text are one recording's, wherever they are.
 */
function separateRecordingsApart(decisions: Decision[], source: string): Decision[] {
  const byGroup = new Map<string, Array<Decision & { action: 'convert' }>>();
  for (const d of decisions) {
    if (d.action !== 'convert' || !d.start) continue;
    const group = hostGroup(d.site.host);
    byGroup.set(group, [...(byGroup.get(group) ?? []), d]);
  }
  const apart = new Set<Decision>();
  for (const starts of byGroup.values()) {
    const texts = new Set(starts.map((d) => callbacksText(d.start!, source)));
    if (texts.size > 1) starts.forEach((d) => apart.add(d));
  }
  if (apart.size === 0) return decisions;
  return decisions.map((d) => {
    if (!apart.has(d)) return d;
    const others = [...apart].filter((o) => o !== d).map((o) => o.site.line);
    return {
      site: d.site,
      action: 'skip',
      blocksGroup: true,
      shimmable: true,
      reason: `this file starts recordings with different callbacks (also at line ${others.join(', ')}): converted, a start tapped while another records would take over that recording's listeners; the shim keeps each recording's callbacks apart`,
    };
  });
}

/**
 * `wx.startRecord({}); wx.stopRecord({})` in a row (a permission probe, a reset): the stop
 * comes before onStart, so after a conversion it is always lost and the microphone records
 * to the limit (SPEC §2). The shim re-issues such a stop when the recording has started.
 */
function keepImmediateStopsWithTheShim(decisions: Decision[]): Decision[] {
  const immediate = new Set<Decision>();
  for (const start of decisions) {
    if (start.action !== 'convert' || start.site.api !== 'startRecord' || !start.site.statement) continue;
    const list = start.site.statement.parent?.node;
    const body: any[] | undefined = list?.body;
    if (!Array.isArray(body)) continue;
    const next = body[body.indexOf(start.site.statement.node) + 1];
    if (!next) continue;
    const stop = decisions.find((d) => d.site.api === 'stopRecord' && d.site.statement?.node === next && hostGroup(d.site.host) === hostGroup(start.site.host));
    if (stop) immediate.add(start);
  }
  if (immediate.size === 0) return decisions;
  return decisions.map((d) =>
    immediate.has(d)
      ? {
          site: d.site,
          action: 'skip',
          blocksGroup: true,
          shimmable: true,
          reason: 'the recording is stopped on the very next line: converted, that stop() comes before onStart and is lost, so the microphone would record to the limit; the shim re-issues it once recording has started',
        }
      : d,
  );
}

function callbacksText(options: StartOptions, source: string): string {
  return (['success', 'fail', 'complete'] as const)
    .map((key) => {
      const cb = options.callbacks[key];
      return cb ? `${key}:${source.slice(cb.value.start, cb.value.end).replace(/\s+/g, ' ')}` : '';
    })
    .join('|');
}

function decide(site: Site, facts: FileFacts): Decision {
  // Sites the shim runs faithfully, and sites that are not the mini-program API at all or
  // whose file would still break with the shim.
  const skip = (reason: string, blocksGroup = true, shimmable = true, keptNotes?: string[]): Decision => ({
    site,
    action: 'skip',
    reason,
    blocksGroup,
    shimmable,
    ...(keptNotes ? { keptNotes } : {}),
  });
  const leave = (reason: string): Decision => skip(reason, false, false);
  // Not the mini-program API at all: left alone on purpose, reported as ignored.
  const ignore = (reason: string): Decision => ({ site, action: 'skip', reason, blocksGroup: false, shimmable: false, notOurs: true });

  if (site.host.kind === 'foreign') return ignore(FOREIGN_HOST_REASONS[site.host.name](site.api));
  if (site.host.kind === 'taro-named' && facts.namesUsedElsewhere?.has(site.host.name)) {
    return skip(
      `${site.host.name} is also named by the rest of this component (its template or its other script block), which the codemod does not migrate: ${site.label} is kept on the old API with it, so that a recording is started and stopped through the same API; migrate them by hand`,
      true,
      false,
    );
  }
  if (site.host.kind === 'rebound' && site.host.otherBlock) {
    const { label, unreadable, legacyApiFrom } = site.host.otherBlock;
    // These may be the very API of this block's other calls: they stay on the old API with it.
    if (unreadable) {
      return skip(
        `this component's other script block, ${label}, cannot be read (${unreadable}), so it is not known whether ${site.host.name} here is the host's global or a name of that block: ${site.label} is left alone, and this block's recording calls with it; migrate them by hand`,
        true,
        false,
      );
    }
    if (legacyApiFrom) {
      return skip(
        `${site.label} here is ${legacyApiFrom}'s ${site.api}, taken in this component's other script block, ${label} (on line ${site.host.line} of the file), which the codemod migrates on its own: left alone, and this block's recording calls with it; move that line into this block and run the codemod again, or migrate them by hand`,
        true,
        false,
      );
    }
    return leave(
      `${site.host.name} here is a name of this component's other script block, ${label} (on line ${site.host.line} of the file), not the host's global, so ${site.label} is left alone: if it reaches wx.${site.api}, migrate it by hand or route it through the shim`,
    );
  }
  if (site.host.kind === 'rebound') {
    return leave(
      `${site.host.name} here is a name of this file (line ${site.host.line}), not the host's global, so ${site.label} is left alone: if it reaches wx.${site.api}, migrate it by hand or route it through the shim`,
    );
  }
  if (site.usage === 'assignment') return ignore(`${site.label} is assigned or deleted here (a mock or a polyfill): left alone`);
  if (facts.testFile) {
    return ignore(`a test file: its ${site.label} is a mock or an assertion; update the test by hand once the code it tests is migrated`);
  }
  if (site.host.kind === 'indirect') {
    const { name, through } = site.host;
    if (name in FOREIGN_HOST_REASONS) return ignore(FOREIGN_HOST_REASONS[name](site.api));
    if (name === 'wx' && facts.jsSdkSign) return ignore(`JS-SDK web page (${facts.jsSdkSign}): its ${site.label} is not the mini-program API`);
    if (site.usage === 'check') return leave(`${site.label} is only tested for existence here: left alone`);
    // Blocks its group without the shim: `this.wx` may be the very wx whose stop would convert.
    return skip(
      `${site.label} reaches ${name} through ${through}, which the codemod does not follow: left alone, and this file's other ${name} recording calls stay on the old API with it; if that is the mini-program's ${name}, call ${name}.${site.api} directly and run the codemod again, or migrate them by hand`,
      true,
      false,
    );
  }
  if (site.host.kind === 'global' && site.host.name === 'wx' && facts.jsSdkSign) {
    return ignore(`JS-SDK web page (${facts.jsSdkSign}): its wx.${site.api} is not the mini-program API`);
  }
  if (site.usage === 'check') return leave(`${site.label} is only tested for existence here: left alone`);
  if (site.computed) return skip(`${site.host.name}['${site.api}'] is reached by a computed name (not converted yet)`);
  if (site.usage === 'reference') return skip(`${site.label} is used as a value, not called (e.g. promisify): not converted yet`);
  const call = site.call!.node;
  if (call.type === 'OptionalCallExpression' || site.member.node.type === 'OptionalMemberExpression') {
    return skip('the call uses optional chaining (?.): not converted yet');
  }
  if (call.arguments.some((a: any) => a.type === 'SpreadElement')) return skip('the call spreads its arguments (not converted yet)');

  if (site.api === 'stopRecord') {
    if (facts.shimStartLine !== null) {
      return skip(`this file starts its recordings through the shim (line ${facts.shimStartLine}), so it stops them through the shim too (it re-issues a stop lost before onStart)`);
    }
    const stop = analyzeStopOptions(site.call!, site.statement);
    if (!stop.ok) return skip(stop.reason, true, true, stop.readsPath ? [NOTES.stopHasNoPath] : undefined);
    const notes: string[] = [NOTES.stopWhileIdleRaisesError, ...stop.notes];
    if (site.host.kind === 'taro' || site.host.kind === 'taro-named') notes.push(NOTES.taroStopOnH5);
    if (site.host.kind === 'global' && site.host.name !== 'wx') notes.push(NOTES.otherHostUnverified(site.host.name));
    const ownError = facts.existingListeners.find((l) => l.group === hostGroup(site.host) && l.event === 'onError');
    if (ownError) notes.push(NOTES.idleStopReachesFileListener(ownError.line));
    const managerStart = facts.managerStarts.find((m) => m.group === hostGroup(site.host));
    if (managerStart) notes.push(NOTES.stopsManagerRecording(managerStart.line));
    else if (!facts.groupsWithStart.has(hostGroup(site.host))) notes.push(NOTES.startedElsewhere);
    return {
      site,
      action: 'convert',
      notes: [...new Set(notes)],
      ...(stop.callbacks.length > 0 ? { stopCallbacks: stop.callbacks, inlineStopCallback: stop.inline === true } : {}),
    };
  }

  const awaited = site.usage === 'awaited-statement';
  if (site.usage !== 'statement' && !awaited) {
    return skip('the value of startRecord(...) is used (a Promise that settles when the recording ends): not converted yet');
  }
  if (awaited && facts.taroAlwaysPromise && (site.host.kind === 'taro' || site.host.kind === 'taro-named')) {
    return skip("the call is awaited, and this project's Taro (before 3.3.1) returns a Promise that settles when the recording ends, even with callbacks");
  }
  const listener = facts.existingListeners.find((l) => l.group === hostGroup(site.host) && l.once);
  const ownStart = facts.managerStarts.find((m) => m.group === hostGroup(site.host));
  // Listeners registered once (in onLoad) serve the file's own manager.start(): a converted
  // or shimmed start would take them over. Without such a start they served no recording
  // of this file, and registering at each start replaces them harmlessly (noted).
  if (listener && ownStart) {
    // The shim registers its listeners at each start too, so it would take them over as well.
    return skip(
      `this file already registers recorderManager.${listener.event} at line ${listener.line} for its own start() at line ${ownStart.line}; listeners replace each other, so a converted or shimmed startRecord would take that listener over: migrate this file by hand`,
      true,
      false,
    );
  }
  const analysis = analyzeStartOptions(site.call!, facts.typescript);
  if (!analysis.ok) return skip(analysis.reason);
  // A fail/complete that stops the recording (directly or through a method) is no loop:
  // the stop() it makes while idle raises the idle-stop error, which the converted
  // listener ignores (idle-stop-guard.ts), as stopRecord() was silent there.

  const { callbacks } = analysis.options;
  if (awaited && !callbacks.success && !callbacks.fail && !callbacks.complete) {
    return skip('the call is awaited without callbacks: its Promise settles when the recording ends (not converted yet)');
  }
  const notes = [NOTES.silkBecomesAac, ...analysis.options.notes];
  if (awaited) notes.push(site.host.kind === 'global' ? NOTES.awaitWithCallbacks(site.host.name) : NOTES.awaitWithCallbacks('Taro'));
  if (!callbacks.success && !callbacks.fail && !callbacks.complete) notes.push(NOTES.promiseRejectionGone);
  notes.push(NOTES.listenersAreGlobal, NOTES.quickStopMayBeLost);
  if (capturesCallState(site, analysis.options)) notes.push(NOTES.secondStartReplacesListeners);
  else if (inComponentAndReadsThis(site, analysis.options)) notes.push(NOTES.anotherInstanceTakesOver);
  if (listener) {
    const events = facts.existingListeners.filter((l) => l.group === hostGroup(site.host) && l.once);
    notes.push(NOTES.replacesFileListener(events.map((l) => `${l.event} (line ${l.line})`).join(' and ')));
  }
  if (facts.taroAlwaysPromise && (site.host.kind === 'taro' || site.host.kind === 'taro-named') && site.usage === 'statement') {
    notes.push(NOTES.taroPromiseRejectionGone);
  }
  if (site.host.kind === 'taro' || site.host.kind === 'taro-named') notes.push(NOTES.taroPlatformsWithoutRecorder);
  if (site.host.kind === 'global' && site.host.name !== 'wx') notes.push(NOTES.otherHostUnverified(site.host.name));
  return { site, action: 'convert', notes: [...new Set(notes)], start: analysis.options };
}

/**
 * The callbacks read a variable of the function that starts the recording (`const startAt
 * = Date.now()`): each start has its own. A second start while recording failed and left
 * the first recording its callbacks; converted, its listeners replace the first's, so the
 * running recording ends with the second call's values (noted, SPEC §6).
 */
function capturesCallState(site: Site, options: StartOptions): boolean {
  const fnPath = enclosingFunctionPath(site.statement ?? site.member);
  if (!fnPath) return false;
  const locals = new Set<string>();
  for (const param of fnPath.node.params ?? []) walkNodes(param, (n) => void (n.type === 'Identifier' && locals.add(n.name)));
  walkNodes(fnPath.node.body, (n) => {
    if (n !== fnPath.node.body && /Function/.test(n.type)) return false;
    if (n.type === 'VariableDeclarator' && n.init?.type !== 'ThisExpression') walkNodes(n.id, (id) => void (id.type === 'Identifier' && locals.add(id.name)));
    return undefined;
  });
  if (locals.size === 0) return false;
  return callbacksRead(options, (n) => n.type === 'Identifier' && locals.has(n.name));
}

/** Some callback (or the function a reference names) has a node matching `predicate`. */
function callbacksRead(options: StartOptions, predicate: (node: any) => boolean): boolean {
  return Object.values(options.callbacks).some((cb) => someNode(cb!.declared ?? cb!.value, predicate));
}

/**
 * A start inside a component (`Component({...})`, a class or `.vue`/`.wpy` component, not a
 * `Page`) whose callbacks read the instance (`this`, `that`): several instances share the
 * one manager, so another instance's start while this one records takes its listeners.
 */
function inComponentAndReadsThis(site: Site, options: StartOptions): boolean {
  let inComponent = false;
  for (let p: any = site.member.parent; p; p = p.parent) {
    const node = p.node;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier') {
      if (node.callee.name === 'Component') inComponent = true;
      if (node.callee.name === 'Page') return false;
    }
    if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') inComponent = true;
  }
  if (!inComponent) return false;
  return callbacksRead(options, (n) => n.type === 'ThisExpression' || (n.type === 'Identifier' && THIS_ALIASES.has(n.name)));
}

const THIS_ALIASES = new Set(['that', 'self', '_this', 'me', 'vm']);

function enclosingFunctionPath(path: any): any | null {
  for (let p = path?.parent; p; p = p.parent) if (/Function|ObjectMethod|ClassMethod/.test(p.node.type)) return p;
  return null;
}

/**
 * A recording started through one API must be stopped through one that reaches it, so the
 * sites of one host in a file move together:
 * - every site converts: converted;
 * - some cannot, and the shim runs all of them faithfully: every start goes to the shim
 *   (a converted start next to a shimmed one would take the shim's listeners, and a
 *   shimmed stop only stops the recordings the shim started), and so does every stop
 *   when a start went there (the shim's stopRecord re-issues a stop lost before onStart);
 * - otherwise (or with the shim turned off): all stay on the old API, and the report says
 *   which site holds them back.
 */
function keepGroupsOnOneApi(decisions: Decision[], useShim: boolean, namesThatStay: ReadonlySet<string>): Decision[] {
  const blockers = new Map<string, Array<Decision & { action: 'skip' }>>();
  /** Groups with a call that would keep its name through the shim, where that name must stay Taro's. */
  const unshimmable = new Set<string>();
  for (const d of decisions) {
    const group = hostGroup(d.site.host);
    if (d.action === 'skip' && d.blocksGroup) blockers.set(group, [...(blockers.get(group) ?? []), d]);
    if (d.site.host.kind === 'taro-named' && namesThatStay.has(d.site.host.name) && !(d.action === 'skip' && !d.blocksGroup)) unshimmable.add(group);
  }
  return decisions.map((d) => {
    const group = hostGroup(d.site.host);
    const groupBlockers = blockers.get(group);
    if (!groupBlockers || (d.action === 'skip' && !d.blocksGroup)) return d;
    const first = groupBlockers[0];
    if (useShim && groupBlockers.every((b) => b.shimmable) && !unshimmable.has(group)) {
      if (d.action === 'skip') return { site: d.site, action: 'shim', reason: shimReason(d.reason), notes: shimNotes(d.site, d.reason, d.keptNotes) };
      // A stop that converts may stay converted only when no start of the group in this
      // file went to the shim: the shim's stopRecord re-issues a stop lost before onStart
      // and answers while idle without raising onError, where stop() does neither.
      if (d.action === 'convert' && d.site.api === 'stopRecord' && !groupBlockers.some((b) => b.site.api === 'startRecord')) return d;
      return {
        site: d.site,
        action: 'shim',
        reason: `shimmed with the ${first.site.api} at line ${first.site.line}, which cannot be converted: a recording must be started and stopped through the same API`,
        notes: shimNotes(d.site, '', d.action === 'convert' ? d.notes.filter((n) => n === NOTES.stopHasNoPath) : []),
      };
    }
    if (d.action === 'skip') {
      if (!useShim || !d.shimmable || !unshimmable.has(group) || d.site.host.kind !== 'taro-named') return d;
      return { ...d, reason: `${d.reason}; the shim cannot take it: ${d.site.host.name} must stay imported from @tarojs/taro for its uses the codemod leaves alone` };
    }
    const blocker = groupBlockers.find((b) => !b.shimmable) ?? first;
    return {
      site: d.site,
      action: 'skip',
      blocksGroup: false,
      shimmable: false,
      reason: `kept on the old API because the ${blocker.site.api} at line ${blocker.site.line} is not converted: a recording must be started and stopped through the same API`,
    };
  });
}

/** The skip reason, reworded for a site the shim now runs. */
function shimReason(reason: string): string {
  return reason.replace(/:? \(?not converted yet\)?$/, '').replace(/\s*\(not converted yet\)/, '');
}

/** `kept`: notes found when the site was analysed that hold for the shim too. */
function shimNotes(site: Site, reason = '', kept: string[] = []): string[] {
  if (site.api !== 'startRecord') return [NOTES.shimStopsOnlyShimRecordings, ...kept];
  const wording = /looks for '[^']*' in errMsg|matches errMsg against|compares errMsg with/.test(reason);
  return [NOTES.silkBecomesAac, NOTES.shimListeners, ...(wording ? [NOTES.shimKeepsPrefixNotWording] : [])];
}
