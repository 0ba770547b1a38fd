import { PLAYBACK_APIS, mentionsApiNames } from './api-names';
import { Edit, EditSpan, applyEditsWithSpans } from './edits';
import { Host, findTaroModuleNames, resolveHost } from './hosts';
import { Decision, decideAll } from './decide';
import { findExistingListeners, findManagerStarts } from './manager-usage';
import { findJsSdkEvidence } from './jssdk';
import {
  ExistingManager,
  Placement,
  choosePlacement,
  enclosingContainers,
  findExistingManagers,
  hostGroup,
  insideFunction,
  moduleInsertionPoint,
  visibleExistingManager,
} from './manager';
import { NodeIndex } from './node-index';
import { parseFile, parserFor } from './parse';
import { OriginalFile, proveOutputParses } from './parse-proof';
import { findPlaybackSites } from './playback-sites';
import { PlaybackDecision, PlaybackFacts, decidePlayback } from './playback-decide';
import { controlEdit, playEdit } from './playback-rewrite';
import { isSingleFileComponent, migrateSfc } from './sfc';
import { RestOfComponent, restMayUse } from './sfc-other-block';
import { MigrateOptions, MigrationError, MigrationResult, SiteReport } from './report';
import { ManagerRef, RewriteContext, startEdit, stopAnswerType, stopEdit, stopWithCallbacksEdit } from './rewrite';
import { Site, findSites } from './sites';
import { NamedBinding, findNamedBindings, planNamedImports } from './named-imports';
import { SHIM_PACKAGE, ShimExport, ShimNeeds, existingShimImport, planShimImports } from './shim-imports';
import { taroPlayVoiceAlwaysPromise, taroStartRecordAlwaysPromise } from './taro-version';
import { findUnusedTaroImport, unusedTaroImportEdit } from './unused-taro-import';
import { detectStyle, writtenInEs5 } from './style';
import { NameAllocator } from './text';

/** Cheap text test run before parsing: files without the API names cannot have sites. */
export function mightContainLegacyCalls(source: string): boolean {
  return mentionsApiNames(source);
}

/**
 * The migration of one file. Single-file components (`.vue`, `.wpy`) are migrated script
 * block by script block; everything else is one script. Returns the input string itself
 * when nothing changes; throws MigrationError when the file cannot be parsed or the result
 * would not parse (the caller writes nothing then).
 */
export function migrateSource(source: string, filePath: string, options: MigrateOptions = {}): MigrationResult {
  if (!mightContainLegacyCalls(source)) return { output: source, changed: false, sites: [] };
  if (isSingleFileComponent(filePath)) return migrateSfc(source, filePath, options, migrateScript);
  return migrateScript(source, filePath, options);
}

/**
 * One script: parse -> find sites -> decide per site -> edit -> verify. `filePath`'s
 * extension picks the parser. A block of a Vue component passes a virtual path ending in
 * its `lang`, and what it shares with the rest of the component (sfc-other-block.ts).
 */
export function migrateScript(source: string, filePath: string, givenOptions: MigrateOptions = {}, rest?: RestOfComponent): MigrationResult {
  if (!mightContainLegacyCalls(source)) return { output: source, changed: false, sites: [] };
  const { j, root, index, comments } = parseFile(source, filePath);
  const otherBlock = rest?.otherBlock ?? undefined;
  const ownTaroNames = findTaroModuleNames(index);
  // The Taro module imported by a Vue component's other script block is in scope here too
  // (for finding sites; what this block's own edits name stays its own).
  const taroNames = new Set(ownTaroNames);
  for (const [name, outer] of otherBlock?.visible ?? []) if (outer.taroModule) taroNames.add(name);
  // `import { Component } from '@tarojs/taro'` exists in Taro 1.x/2.x only (3.x and later
  // do not export it): the file itself says which Taro it is written for.
  const options: MigrateOptions = importsClassicTaroComponent(index) ? { ...givenOptions, taroVersion: '2.x' } : givenOptions;
  const named = findNamedBindings(index, taroNames);
  const sites = findSites(root, index, taroNames, named, source, otherBlock);
  const reports: SiteReport[] = [];
  // A file whose recording already moved (to the manager by hand, or to the shim by an
  // earlier run) records aac: its playback moves now, through the rest of this function.
  const shimModule = options.shimImport ?? SHIM_PACKAGE;
  const shimStart = shimStartLine(index, shimModule);
  const plays = mentionsApiNames(source, PLAYBACK_APIS);
  const recordsAac = callsGetRecorderManager(index) || shimStart !== null;
  if (sites.length === 0 && !(recordsAac && plays)) {
    // Playback alone (a page that plays what another page recorded): reported, never changed.
    if (findJsSdkEvidence(index) || rest?.jsSdkSign) return { output: source, changed: false, sites: [] };
    const playback = decidePlayback(findPlaybackSites(index, root.get(), taroNames, otherBlock), { recording: 'none', shimAllowed: false, multiPlatform: false });
    return { output: source, changed: false, sites: sortReports(playback.map(playbackReport)) };
  }

  const jsSdkSign = sites.some((s) => (s.host.kind === 'global' || s.host.kind === 'indirect') && s.host.name === 'wx') || plays ? (findJsSdkEvidence(index)?.sign ?? rest?.jsSdkSign ?? null) : null;
  const isTypeScript = parserFor(filePath) !== 'babel';
  // New names must not clash with the rest of a component's either: the blocks are one module.
  const identifierNames = new Set([...allIdentifierNames(index), ...(rest?.mentioned ?? [])]);
  const ctx: RewriteContext = {
    source,
    style: detectStyle(source, isTypeScript, !isTypeScript && writtenInEs5(index)),
    comments,
    names: new NameAllocator(identifierNames),
    typescript: isTypeScript,
  };
  const existingManagers = findExistingManagers(j, root, index, taroNames, otherBlock);
  // `wx.getRecorderManager()` used directly: the host group of the manager it returns.
  const isManagerCall = (node: any, path: any): string | null => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return null;
    if (node.callee.property.name !== 'getRecorderManager') return null;
    const host = resolveHost(node.callee.object, path, taroNames, index, otherBlock);
    return host && host.kind !== 'foreign' && host.kind !== 'rebound' ? hostGroup(host) : null;
  };
  const decisions = decideAll(sites, {
    jsSdkSign,
    existingManagers,
    existingListeners: findExistingListeners(root.get(), index, existingManagers, isManagerCall),
    managerStarts: findManagerStarts(root.get(), index, existingManagers, isManagerCall),
    typescript: isTypeScript,
    groupsWithStart: new Set(sites.filter((s) => s.api === 'startRecord').map((s) => hostGroup(s.host))),
    taroAlwaysPromise: taroStartRecordAlwaysPromise(options.taroVersion),
    shimStartLine: shimStart,
    testFile: isTestFile(filePath, index),
    namesUsedElsewhere: new Set(named.map((b) => b.local).filter((local) => restMayUse(rest, local))),
  }, options.shim !== false, source);

  // Playback of the recording (SPEC §8) moves with it. Not in JS-SDK pages, whose
  // playVoice({ localId }) is the web API.
  const placement = choosePlacement(j, root, index, source, filePath, taroNames);
  const playback = jsSdkSign
    ? []
    : decidePlayback(findPlaybackSites(index, root.get(), taroNames, otherBlock), {
        recording: recordingFate(decisions, recordsAac),
        shimAllowed: options.shim !== false,
        multiPlatform: placement === 'local',
      });

  // Functions imported by name need `getRecorderManager` from somewhere, and their
  // declarations change once every use is converted.
  const namedPlan = planNamed(named, decisions, ownTaroNames, existingGetterName(index), ctx);
  const getterFor = (host: Host) => (host.kind === 'taro-named' ? namedPlan.getter : `${host.name}.getRecorderManager`);
  const planner = new ManagerPlanner(existingManagers, placement, ctx, getterFor, /(?<!\.(vue|wpy)\.\w+)\.ts$/i.test(filePath) && !/\.d\.ts$/i.test(filePath));

  // A Taro import whose every use goes to the shim goes too (an unused import fails
  // `noUnusedLocals` builds); the shim's import takes its place when it is new.
  const unusedTaro = findUnusedTaroImport(index, ownTaroNames, [...decisions, ...playback], source, options.taroVersion, namedPlan.edits, rest);
  const taroAlwaysPromise = taroStartRecordAlwaysPromise(options.taroVersion);
  const taroPlayAlwaysPromise = taroPlayVoiceAlwaysPromise(options.taroVersion);
  // The shim's new import takes the place of a whole import that goes: inserted after it,
  // it would land inside the removed line.
  const inPlaceOf = unusedTaro?.wholeStatement ? unusedTaro : (namedPlan.removedStatement ?? undefined);
  const shim = planShimImports(index, root.get().node.program, source, comments, ctx.style, ctx.names, shimModule, rest)(
    shimNeeds(decisions, taroAlwaysPromise, playback, taroPlayAlwaysPromise),
    inPlaceOf,
  );
  const namedEdits = shim.tookPlace && inPlaceOf === namedPlan.removedStatement ? namedPlan.edits.filter((e) => e !== namedPlan.removedStatement!.edit) : namedPlan.edits;

  const edits: Edit[] = [];
  edits.push(...playbackEdits(playback, planner, shim.local, taroPlayAlwaysPromise, ctx));
  reports.push(...playback.map(playbackReport));
  for (const decision of decisions) {
    const { site } = decision;
    if (decision.action === 'skip') {
      reports.push(report(site, decision.notOurs ? 'ignored' : 'skipped', [], decision.reason));
      continue;
    }
    if (decision.action === 'shim') {
      // `wx.startRecord` -> the shim's `startRecord`; a function imported by name keeps its
      // name and only its import changes.
      if (site.host.kind !== 'taro-named') {
        const member = site.member.node;
        const name = shim.local[shimExportFor(site, taroAlwaysPromise)]!;
        edits.push({ start: member.start, end: member.end, build: () => name });
      }
      reports.push(report(site, 'shimmed', decision.notes, decision.reason));
      continue;
    }
    if (decision.start) {
      const statementPath = site.statement!;
      const inList = isStatementList(statementPath.parent?.node);
      edits.push(startEdit(statementPath.node, inList, decision.start, planner.forStart(site, inList), ctx));
      for (const r of decision.start.rewrites) edits.push({ start: r.start, end: r.end, build: () => r.text });
    } else if (decision.stopCallbacks) {
      edits.push(
        stopWithCallbacksEdit(site.statement!.node, decision.stopCallbacks, planner.forStop(site), ctx, decision.inlineStopCallback, stopAnswerType(site.host.kind, site.host.name)),
      );
    } else {
      edits.push(stopEdit(site.call!.node, planner.forStop(site), ctx));
    }
    reports.push(report(site, 'converted', decision.notes));
  }

  // Shimmed functions imported by name change only their import.
  edits.push(...namedEdits, ...shim.edits);
  if (edits.length === 0) return { output: source, changed: false, sites: sortReports(reports) };
  edits.push(...planner.moduleBindingEdits(root.get().node.program, source, comments));
  if (unusedTaro && !(shim.tookPlace && inPlaceOf === unusedTaro)) {
    const removal = unusedTaroImportEdit(unusedTaro, source);
    // Never across another edit (a binding inserted right after the import): keeping an
    // unused import is a lint matter, a lost edit would not be.
    if (!edits.some((e) => e.start <= removal.end && e.end >= removal.start)) edits.push(removal);
  }
  const { output, spans } = applyEditsWithSpans(source, edits);
  verifyParses(output, filePath, spans, { index, program: root.get().node.program, comments, names: identifierNames });
  return { output, changed: output !== source, sites: sortReports(reports) };
}

/**
 * Decides, per site, which expression reaches the manager, and collects the module-level
 * binding(s) to add. See manager.ts for why the placement depends on the file.
 */
class ManagerPlanner {
  /** Names of module-level bindings to add, per host group, with the getter they call. */
  private readonly moduleBindings = new Map<string, { name: string; getter: string }>();
  /** The file's InnerAudioContext per host group (playback, SPEC §8), always module-level. */
  private readonly players = new Map<string, { name: string; init: string }>();
  /** Local bindings declared by earlier start sites, per statement list. */
  private readonly localBindings = new Map<any, Map<string, { name: string; end: number }>>();

  constructor(
    private readonly existing: ExistingManager[],
    private readonly placement: Placement,
    private readonly ctx: RewriteContext,
    /** `wx.getRecorderManager`, `Taro.getRecorderManager`, or an imported `getRecorderManager`. */
    private readonly getterFor: (host: Host) => string,
    /** A `.ts` file (`.mts`/`.cts` and SFC blocks are always modules): a script without import/export. */
    private readonly sharesScriptScope = false,
  ) {}

  forStart(site: Site, inStatementList: boolean): ManagerRef {
    const shared = this.shared(site);
    if (shared) return { expression: shared };
    const name = this.ctx.names.allocate(preferredName(site.host));
    // Remember it for later sites in the same statement list (only if it really is one).
    if (inStatementList) {
      const container = site.statement!.parent.node;
      const perGroup = this.localBindings.get(container) ?? new Map();
      perGroup.set(hostGroup(site.host), { name, end: site.statement!.node.end });
      this.localBindings.set(container, perGroup);
    }
    return { expression: name, declare: { name, getter: this.getterFor(site.host) } };
  }

  forStop(site: Site): ManagerRef {
    return { expression: this.shared(site) ?? `${this.getterFor(site.host)}()` };
  }

  /** A binding the site can use without declaring one: existing, module-level, or local. */
  private shared(site: Site): string | null {
    const existing = visibleExistingManager(site, this.existing);
    if (existing) return existing.name;
    if (this.placement === 'module' && insideFunction(site.member)) {
      const group = hostGroup(site.host);
      let binding = this.moduleBindings.get(group);
      if (!binding) {
        binding = { name: this.ctx.names.allocate(preferredName(site.host)), getter: this.getterFor(site.host) };
        this.moduleBindings.set(group, binding);
      }
      return binding.name;
    }
    for (const container of enclosingContainers(site.member)) {
      const local = this.localBindings.get(container)?.get(hostGroup(site.host));
      if (local && local.end <= site.member.node.start) return local.name;
    }
    return null;
  }

  /**
   * The InnerAudioContext that replaces playVoice for this host: one for the file, created
   * at load as WeChat's demo does, so that a pause or a stop reaches the voice a play
   * started. Only native single-host files get one (playback-decide.ts sends the others'
   * playback to the shim, which creates its player at the first play).
   */
  player(host: Host): string {
    const group = hostGroup(host);
    let player = this.players.get(group);
    if (!player) {
      const name = this.ctx.names.allocate(host.kind === 'global' && host.name !== 'wx' ? `${host.name}InnerAudioContext` : 'innerAudioContext');
      player = { name, init: `${host.name}.createInnerAudioContext()` };
      this.players.set(group, player);
    }
    return player.name;
  }

  moduleBindingEdits(program: any, source: string, comments: Array<{ start: number; end: number }>): Edit[] {
    if (this.moduleBindings.size === 0 && this.players.size === 0) return [];
    const { style } = this.ctx;
    const semi = style.semicolons ? ';' : '';
    const declarations = [
      ...[...this.moduleBindings.values()].map((b) => `${style.declKeyword} ${b.name} = ${b.getter}()${semi}`),
      ...[...this.players.values()].map((p) => `${style.declKeyword} ${p.name} = ${p.init}${semi}`),
    ];
    // A player alone goes right after the file's own module-level manager, if it has one.
    const manager = this.moduleBindings.size === 0 ? this.existing.find((e) => e.topLevel && e.kind === 'binding') : undefined;
    const at = manager ? { offset: manager.declarationEnd, after: true } : moduleInsertionPoint(program, source, comments);
    // A TypeScript page without import/export is a script: every such page shares one
    // scope for the type-checker, so two migrated pages would both declare these names
    // (TS2451). An empty export makes the file a module; at run time it changes nothing.
    if (this.sharesScriptScope && isScript(program)) {
      declarations.push("// a module, so that the names above are this file's own", `export {}${semi}`);
    }
    // Without semicolons, a following line that opens with ( [ ` + - / would continue our
    // declaration (ASI does not end it there): close it explicitly in that case.
    if (!style.semicolons && /^\s*[([`+\-/]/.test(source.slice(at.offset).replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/g, ''))) {
      declarations[declarations.length - 1] += ';';
    }
    const text = at.after
      ? style.eol + declarations.join(style.eol)
      : declarations.join(style.eol) + style.eol + style.eol;
    return [{ start: at.offset, end: at.offset, build: () => text }];
  }
}

/** No import or export at the top: a script, whose top-level names the type-checker shares across files. */
function isScript(program: any): boolean {
  return !program.body.some((s: any) => /^(Import|Export\w*)Declaration$|^TSExportAssignment$|^TSImportEqualsDeclaration$/.test(s.type));
}

/** Which named bindings lose their last use, and how converted code reaches the manager. */
function planNamed(named: NamedBinding[], decisions: Decision[], taroNames: Set<string>, existingGetter: string | null, ctx: RewriteContext) {
  const moved = new Set<NamedBinding>();
  // A binding the rest of a Vue component may use has every site here skipped (decide.ts,
  // namesUsedElsewhere), so it is kept like any binding with a use left alone.
  const kept = new Set<NamedBinding>();
  let needsGetter = false;
  for (const d of decisions) {
    if (d.site.host.kind !== 'taro-named') continue;
    const binding = named.find((b) => b.local === d.site.host.name)!;
    (d.action === 'skip' ? kept : moved).add(binding);
    if (d.action === 'convert') needsGetter = true;
  }
  const taroObject = taroNames.size > 0 ? [...taroNames][0] : null;
  return planNamedImports(named, moved, kept, needsGetter, taroObject, existingGetter, ctx.names, ctx.source, ctx.style);
}

/** What the shim import must bring in for the shimmed sites. */
function shimNeeds(decisions: Decision[], taroAlwaysPromise: boolean, playback: PlaybackDecision[], taroPlayAlwaysPromise: boolean): ShimNeeds {
  const needs: ShimNeeds = { members: new Set(), named: [] };
  for (const d of playback) if (d.action === 'shim') needs.members.add(playbackShimExport(d, taroPlayAlwaysPromise));
  for (const d of decisions) {
    if (d.action !== 'shim') continue;
    const wanted = shimExportFor(d.site, taroAlwaysPromise);
    if (d.site.host.kind === 'taro-named') {
      if (!needs.named.some((n) => n.local === d.site.host.name)) needs.named.push({ api: wanted, local: d.site.host.name });
    } else {
      needs.members.add(wanted);
    }
  }
  return needs;
}

/** The shim's playback function for a site: Taro 1.x/2.x's playVoice always returned a Promise. */
function playbackShimExport(d: PlaybackDecision, taroPlayAlwaysPromise: boolean): ShimExport {
  return d.site.api === 'playVoice' && d.site.host.kind === 'taro' && taroPlayAlwaysPromise ? 'playVoicePromise' : d.site.api;
}

/**
 * Whether the file's recordings leave the old API (converted or shimmed: either way they
 * are aac files now): playback follows them only if all of them do. A file without
 * startRecord that records through the manager or the shim already records aac.
 */
function recordingFate(decisions: Decision[], recordsAac: boolean): PlaybackFacts['recording'] {
  const starts = decisions.filter((d) => d.site.api === 'startRecord' && !('notOurs' in d && d.notOurs));
  // A stop that moves stops a recording started elsewhere through the new API: aac too.
  if (starts.length === 0) return recordsAac || decisions.some((d) => d.site.api === 'stopRecord' && d.action !== 'skip') ? 'moved' : 'none';
  return starts.every((d) => d.action !== 'skip') ? 'moved' : 'mixed';
}

/** Converted playback sites over the file's player; shimmed ones call the shim's function. */
function playbackEdits(playback: PlaybackDecision[], planner: ManagerPlanner, shimLocal: Partial<Record<ShimExport, string>>, taroPlayAlwaysPromise: boolean, ctx: RewriteContext): Edit[] {
  const edits: Edit[] = [];
  for (const d of playback) {
    if (d.action === 'shim') {
      const name = shimLocal[playbackShimExport(d, taroPlayAlwaysPromise)]!;
      edits.push({ start: d.site.member.node.start, end: d.site.member.node.end, build: () => name });
    } else if (d.action === 'convert') {
      const player = planner.player(d.site.host);
      const inList = isStatementList(d.site.statement?.parent?.node);
      edits.push(d.play ? playEdit(d.site, d.play, player, inList, ctx) : controlEdit(d.site, player));
    }
  }
  return edits;
}

function playbackReport(d: PlaybackDecision): SiteReport {
  const action = d.action === 'convert' ? 'converted' : d.action === 'shim' ? 'shimmed' : d.notOurs ? 'ignored' : 'skipped';
  return { api: d.site.api, line: d.site.line, column: d.site.column, action, ...(d.reason ? { reason: d.reason } : {}), notes: d.notes };
}

/** The shim function that behaves as this site's host did. */
function shimExportFor(site: Site, taroAlwaysPromise: boolean): ShimExport {
  const taro = site.host.kind === 'taro' || site.host.kind === 'taro-named';
  return taro && taroAlwaysPromise && site.api === 'startRecord' ? 'startRecordPromise' : site.api;
}

/** A call of some `getRecorderManager()` (not the word in a comment or a string). */
function callsGetRecorderManager(index: NodeIndex): boolean {
  return index.of('CallExpression').some((n) => {
    const callee = n.callee;
    return (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && callee.property?.name === 'getRecorderManager';
  });
}

/** Jest/Mocha tests: a `.test.`/`.spec.` file or `__tests__` folder, or `jest.fn()`/`describe()` calls. */
function isTestFile(filePath: string, index: NodeIndex): boolean {
  if (/(^|[\\/])__tests__[\\/]|\.(test|spec)\.[cm]?[jt]sx?$/.test(filePath)) return true;
  return index.of('CallExpression').some((n) => {
    const c = n.callee;
    if (c.type === 'MemberExpression' && c.object.type === 'Identifier' && c.object.name === 'jest') return true;
    return c.type === 'Identifier' && (c.name === 'describe' || c.name === 'it') && n.arguments[0]?.type === 'StringLiteral';
  });
}

/** The line of an existing import of the shim's startRecord (or startRecordPromise), if any. */
function shimStartLine(index: NodeIndex, moduleName: string): number | null {
  const existing = existingShimImport(index, moduleName);
  return existing && (existing.local.startRecord || existing.local.startRecordPromise) ? existing.line : null;
}

function importsClassicTaroComponent(index: NodeIndex): boolean {
  return index
    .of('ImportDeclaration')
    .some((n) => n.source.value === '@tarojs/taro' && (n.specifiers ?? []).some((s: any) => s.type === 'ImportSpecifier' && s.imported?.name === 'Component'));
}

/** `import { getRecorderManager } from '@tarojs/taro'` already in the file: its local name. */
function existingGetterName(index: NodeIndex): string | null {
  let name: string | null = null;
  for (const node of index.of('ImportDeclaration')) {
    if (node.source.value !== '@tarojs/taro') continue;
    for (const s of node.specifiers ?? []) {
      if (s.type === 'ImportSpecifier' && s.imported.name === 'getRecorderManager') name = s.local.name;
    }
  }
  return name;
}

function preferredName(host: Host): string {
  return host.kind === 'global' && host.name !== 'wx' ? `${host.name}RecorderManager` : 'recorderManager';
}

function report(site: Site, action: SiteReport['action'], notes: string[], reason?: string): SiteReport {
  return { api: site.api, line: site.line, column: site.column, action, ...(reason ? { reason } : {}), notes };
}

function sortReports(reports: SiteReport[]): SiteReport[] {
  return reports.sort((a, b) => a.line - b.line || a.column - b.column);
}

function isStatementList(node: any): boolean {
  return node?.type === 'Program' || node?.type === 'BlockStatement' || node?.type === 'SwitchCase' || node?.type === 'StaticBlock';
}

function allIdentifierNames(index: NodeIndex): Set<string> {
  const names = new Set<string>();
  for (const n of index.of('Identifier')) names.add(n.name);
  for (const n of index.of('JSXIdentifier')) names.add(n.name);
  return names;
}

/** The last line of defence: never hand back code that does not parse (see parse-proof.ts). */
function verifyParses(output: string, filePath: string, spans: readonly EditSpan[], original: OriginalFile): void {
  try {
    proveOutputParses(output, filePath, spans, original);
  } catch (err) {
    throw new MigrationError(
      `internal error: the rewritten file would not parse (${(err as Error).message}); the file was left untouched. Please report this.`,
    );
  }
}
