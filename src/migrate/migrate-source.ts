import { Edit, applyEdits } from './edits';
import { FOREIGN_HOST_REASONS, Host, findTaroModuleNames } from './hosts';
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
import { NOTES } from './notes';
import { parseFile, parserFor } from './parse';
import { MigrateOptions, MigrationError, MigrationResult, SiteReport } from './report';
import { ManagerRef, RewriteContext, startEdit, stopEdit } from './rewrite';
import { Site, findNamedBindings, findSites } from './sites';
import { analyzeStartOptions } from './start-options';
import { detectStyle } from './style';
import { NameAllocator } from './text';

/** Cheap text test run before parsing: files without the API names cannot have sites. */
export function mightContainLegacyCalls(source: string): boolean {
  return source.includes('startRecord') || source.includes('stopRecord');
}

/**
 * The whole migration of one file: parse -> find sites -> decide per site -> edit ->
 * verify. Returns the input string itself when nothing changes; throws MigrationError when
 * the file cannot be parsed or the result would not parse (the caller writes nothing then).
 */
export function migrateSource(source: string, filePath: string, _options: MigrateOptions = {}): MigrationResult {
  if (!mightContainLegacyCalls(source)) return { output: source, changed: false, sites: [] };
  const { j, root, comments } = parseFile(source, filePath);
  const taroNames = findTaroModuleNames(j, root);
  const sites = findSites(j, root, taroNames);
  const reports: SiteReport[] = findNamedBindings(j, root, taroNames).map((b) => ({
    api: b.api,
    line: b.line,
    column: b.column,
    action: 'skipped',
    reason: `${b.api} is ${b.how} (not converted yet): call it as Taro.${b.api}(...) or wait for the shim`,
    notes: [],
  }));
  if (sites.length === 0) return { output: source, changed: false, sites: sortReports(reports) };

  const jsSdk = sites.some((s) => s.host.kind === 'global' && s.host.name === 'wx') ? findJsSdkEvidence(j, root) : null;
  const isTypeScript = parserFor(filePath) !== 'babel';
  const ctx: RewriteContext = {
    source,
    style: detectStyle(source, isTypeScript),
    comments,
    names: new NameAllocator(allIdentifierNames(j, root)),
  };
  const planner = new ManagerPlanner(
    findExistingManagers(j, root, taroNames),
    choosePlacement(j, root, source, filePath, taroNames),
    ctx,
  );

  const edits: Edit[] = [];
  for (const site of sites) {
    const skip = (reason: string) => reports.push(report(site, 'skipped', [], reason));
    const notSupported = whyNotConvertible(site, jsSdk?.sign ?? null);
    if (notSupported) {
      skip(notSupported);
      continue;
    }
    if (site.api === 'stopRecord') {
      const args = site.call!.node.arguments;
      if (args.length > 1 || (args.length === 1 && !isEmptyObject(args[0]))) {
        skip('stopRecord is called with options (callbacks are not converted yet)');
        continue;
      }
      if (hasCommentInside(site.call!.node, comments)) {
        skip('a comment is written inside the call');
        continue;
      }
      edits.push(stopEdit(site.call!.node, planner.forStop(site)));
      reports.push(report(site, 'converted', [NOTES.stopWhileIdleRaisesError]));
      continue;
    }
    if (site.usage !== 'statement') {
      skip("the value of startRecord(...) is used (a Promise that settles when the recording ends): not converted yet");
      continue;
    }
    const analysis = analyzeStartOptions(site.call!);
    if (!analysis.ok) {
      skip(analysis.reason);
      continue;
    }
    const statementPath = site.statement!;
    const inList = isStatementList(statementPath.parent?.node);
    edits.push(startEdit(statementPath.node, inList, analysis.options, planner.forStart(site, inList), ctx));
    const { callbacks } = analysis.options;
    const notes = [NOTES.silkBecomesAac, ...analysis.options.notes];
    if (callbacks.fail || callbacks.complete) notes.push(NOTES.onErrorOnIdleStop);
    if (site.host.kind === 'taro') notes.push(NOTES.taroPlatformsWithoutRecorder);
    reports.push(report(site, 'converted', [...new Set(notes)]));
  }

  if (edits.length === 0) return { output: source, changed: false, sites: sortReports(reports) };
  edits.push(...planner.moduleBindingEdits(root.get().node.program, source, comments));
  const output = applyEdits(source, edits);
  verifyParses(output, filePath);
  return { output, changed: output !== source, sites: sortReports(reports) };
}

/** Reasons that hold whatever the call looks like: the host, the file, how it is reached. */
function whyNotConvertible(site: Site, jsSdkSign: string | null): string | null {
  if (site.host.kind === 'foreign') return FOREIGN_HOST_REASONS[site.host.name];
  if (site.host.kind === 'global' && site.host.name === 'wx' && jsSdkSign) {
    return `JS-SDK web page (${jsSdkSign}): its wx.${site.api} is not the mini-program API`;
  }
  if (site.usage === 'assignment') return `something assigns to ${site.host.name}.${site.api} (a mock or a polyfill): left alone`;
  if (site.computed) return `${site.host.name}['${site.api}'] is reached by a computed name (not converted yet)`;
  if (site.usage === 'reference') {
    return `${site.host.name}.${site.api} is used as a value, not called (e.g. promisify): not converted yet`;
  }
  if (site.call!.node.type === 'OptionalCallExpression' || site.member.node.type === 'OptionalMemberExpression') {
    return 'the call uses optional chaining (?.): not converted yet';
  }
  if (site.call!.node.arguments.some((a: any) => a.type === 'SpreadElement')) return 'the call spreads its arguments';
  return null;
}

/**
 * Decides, per site, which expression reaches the manager, and collects the module-level
 * binding(s) to add. See manager.ts for why the placement depends on the file.
 */
class ManagerPlanner {
  /** Names of module-level bindings to add, per host group, with the host they call. */
  private readonly moduleBindings = new Map<string, { name: string; host: string }>();
  /** Local bindings declared by earlier start sites, per statement list. */
  private readonly localBindings = new Map<any, Map<string, { name: string; end: number }>>();

  constructor(
    private readonly existing: ExistingManager[],
    private readonly placement: Placement,
    private readonly ctx: RewriteContext,
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
    return { expression: name, declare: { name, host: site.host.name } };
  }

  forStop(site: Site): ManagerRef {
    return { expression: this.shared(site) ?? `${site.host.name}.getRecorderManager()` };
  }

  /** A binding the site can use without declaring one: existing, module-level, or local. */
  private shared(site: Site): string | null {
    const existing = visibleExistingManager(site, this.existing);
    if (existing) return existing.name;
    if (this.placement === 'module' && insideFunction(site.member)) {
      const group = hostGroup(site.host);
      let binding = this.moduleBindings.get(group);
      if (!binding) {
        binding = { name: this.ctx.names.allocate(preferredName(site.host)), host: site.host.name };
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

  moduleBindingEdits(program: any, source: string, comments: Array<{ start: number; end: number }>): Edit[] {
    if (this.moduleBindings.size === 0) return [];
    const { style } = this.ctx;
    const semi = style.semicolons ? ';' : '';
    const declarations = [...this.moduleBindings.values()].map(
      (b) => `${style.declKeyword} ${b.name} = ${b.host}.getRecorderManager()${semi}`,
    );
    const at = moduleInsertionPoint(program, source, comments);
    const text = at.after
      ? style.eol + declarations.join(style.eol)
      : declarations.join(style.eol) + style.eol + style.eol;
    return [{ start: at.offset, end: at.offset, build: () => text }];
  }
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

function isEmptyObject(node: any): boolean {
  return node.type === 'ObjectExpression' && node.properties.length === 0;
}

function hasCommentInside(node: any, comments: Array<{ start: number; end: number }>): boolean {
  return comments.some((c) => c.start > node.start && c.end < node.end);
}

function allIdentifierNames(j: any, root: any): Set<string> {
  const names = new Set<string>();
  root.find(j.Identifier).forEach((p: any) => names.add(p.node.name));
  root.find(j.JSXIdentifier).forEach((p: any) => names.add(p.node.name));
  return names;
}

/** The last line of defence: never hand back code that does not parse. */
function verifyParses(output: string, filePath: string): void {
  try {
    parseFile(output, filePath);
  } catch (err) {
    throw new MigrationError(
      `internal error: the rewritten file would not parse (${(err as Error).message}); the file was left untouched. Please report this.`,
    );
  }
}
