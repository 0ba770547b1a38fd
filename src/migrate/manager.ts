import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { Host, resolveHost } from './hosts';
import type { OtherBlock } from './sfc-other-block';
import { NodeIndex } from './node-index';
import { Site } from './sites';

/**
 * Where the `getRecorderManager()` object comes from at each converted site.
 *
 * The manager is one global object, so any binding to it is as good as another; what
 * matters is WHEN `getRecorderManager()` runs. A module-level call runs at import time on
 * every platform the file is built for, and on Taro H5 that call is a "not supported" stub
 * that warns or rejects (SPEC §4). So:
 * - native mini-program files (built for one host only) get one module-level binding,
 *   placed after the imports, as WeChat's docs show it;
 * - Taro and other cross-platform files fetch the manager where they record, so a page that
 *   never records behaves as before everywhere.
 * An existing binding (half-migrated files) is reused wherever it is visible.
 */
export interface ExistingManager {
  /** The expression that reaches it: a name, or `this.recorderManager` for one kept on the page. */
  name: string;
  group: string;
  /** The statement list (Program or BlockStatement) that declares it. */
  container: any;
  declarationEnd: number;
  topLevel: boolean;
  /** The scope (function or program) node that declares it. */
  scopeNode: any;
  /**
   * `binding`: a variable initialised with the manager. `assigned`: a module-level
   * `let recorder = null` assigned the manager in a lifecycle hook (`onLoad`, `created`, ...),
   * so it holds it by the time any handler runs. `this-member`: `this.recorderManager = ...`
   * in a page's, component's or class's lifecycle hook; `owner` is that page (the
   * `Page({...})` call) or class, whose methods see it as `this.recorderManager`.
   */
  kind: 'binding' | 'assigned' | 'this-member';
  owner?: any;
}

/** Hooks that run before any event handler of the page or component they belong to. */
const LIFECYCLE_HOOKS = new Set([
  'onLoad', 'onShow', 'onReady', 'onLaunch', 'created', 'attached', 'ready', 'beforeMount', 'mounted', 'setup',
  'componentWillMount', 'componentDidMount', 'constructor', 'onInit',
]);

export type Placement = 'module' | 'local';

/** WeChat-compatible hosts that share one manager: `wx` and Taro (weapp) reach the same one. */
export function hostGroup(host: Host): string {
  if (host.kind === 'taro' || host.kind === 'taro-named' || (host.kind === 'indirect' && host.name === 'Taro')) return 'wx';
  // A recording function taken from a host in a Vue component's other block: that host's group.
  const from = host.kind === 'rebound' ? host.otherBlock?.legacyApiFrom : undefined;
  if (from) return from === '@tarojs/taro' ? 'wx' : from;
  return host.name;
}

export function findExistingManagers(j: JSCodeshift, root: Collection<any>, index: NodeIndex, taroNames: Set<string>, otherBlock?: OtherBlock): ExistingManager[] {
  const found: ExistingManager[] = [];
  // Scope analysis needs paths; the index says first whether there is anything to find.
  if (!mentionsProperty(index, 'getRecorderManager')) return found;
  root.find(j.CallExpression).forEach((call) => {
    const callee: any = call.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'getRecorderManager') return;
    const host = resolveHost(callee.object, call, taroNames, index, otherBlock);
    if (!host || host.kind === 'foreign' || host.kind === 'rebound') return;
    const declarator = call.parent;
    if (declarator?.node.type === 'AssignmentExpression' && declarator.node.right === call.node) {
      const assigned = assignedManager(declarator, host, index);
      if (assigned) found.push(assigned);
      return;
    }
    if (declarator?.node.type !== 'VariableDeclarator' || declarator.node.id.type !== 'Identifier') return;
    const declaration = declarator.parent;
    const container = declaration?.parent?.node;
    if (!container || (container.type !== 'Program' && container.type !== 'BlockStatement')) return;
    const name = declarator.node.id.name;
    if (declaration.node.kind !== 'const' && isReassigned(index, name)) return;
    found.push({
      name,
      group: hostGroup(host),
      container,
      declarationEnd: declaration.node.end,
      topLevel: container.type === 'Program',
      scopeNode: call.scope?.node,
      kind: 'binding',
    });
  });
  return found;
}

/**
 * `recorder = wx.getRecorderManager()` or `this.recorderManager = wx.getRecorderManager()`
 * inside a lifecycle hook: a manager the page holds before its handlers run.
 */
function assignedManager(assignment: ASTPath<any>, host: Host, index: NodeIndex): ExistingManager | null {
  const hook = enclosingFunction(assignment);
  if (!hook || !LIFECYCLE_HOOKS.has(functionName(hook) ?? '')) return null;
  const left = assignment.node.left;
  if (left.type === 'MemberExpression' && !left.computed && left.object.type === 'ThisExpression' && left.property.type === 'Identifier') {
    const owner = ownerOf(hook);
    if (!owner) return null;
    const name = `this.${left.property.name}`;
    // Assigned anything else anywhere: not a manager we can count on.
    const others = index.of('AssignmentExpression').filter((n) => n !== assignment.node && n.left.type === 'MemberExpression' && n.left.object.type === 'ThisExpression' && n.left.property?.name === left.property.name);
    if (others.length > 0) return null;
    return { name, group: hostGroup(host), container: null, declarationEnd: assignment.node.end, topLevel: false, scopeNode: null, kind: 'this-member', owner };
  }
  if (left.type !== 'Identifier') return null;
  const binding = assignment.scope?.lookup(left.name)?.getBindings()[left.name]?.[0];
  const declaration = binding?.parent?.parent;
  const declarator = binding?.parent?.node;
  if (!declaration || declaration.parent?.node.type !== 'Program' || declarator?.type !== 'VariableDeclarator') return null;
  if (declarator.init && !(declarator.init.type === 'NullLiteral' || (declarator.init.type === 'Identifier' && declarator.init.name === 'undefined'))) return null;
  const assignments = index.of('AssignmentExpression').filter((n) => n.left.type === 'Identifier' && n.left.name === left.name);
  if (assignments.length !== 1) return null;
  return {
    name: left.name,
    group: hostGroup(host),
    container: declaration.parent.node,
    declarationEnd: declaration.node.end,
    topLevel: true,
    scopeNode: declaration.parent.node,
    kind: 'assigned',
  };
}

/** The nearest function around `path` that has its own `this` (arrows do not). */
function enclosingFunction(path: ASTPath<any>): ASTPath<any> | null {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (/Function|ObjectMethod|ClassMethod|ClassPrivateMethod/.test(p.node.type) && p.node.type !== 'ArrowFunctionExpression') return p;
  }
  return null;
}

function functionName(fn: ASTPath<any>): string | null {
  const node = fn.node;
  if ((node.type === 'ObjectMethod' || node.type === 'ClassMethod') && node.key?.type === 'Identifier') return node.key.name;
  const parent = fn.parent?.node;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') && parent.key?.type === 'Identifier') return parent.key.name;
  return null;
}

/** The page or component a method belongs to: the `Page({...})`/`Component({...})` call, or the class body. */
function ownerOf(fn: ASTPath<any>): any | null {
  for (let p: ASTPath<any> | null = fn.parent; p; p = p.parent) {
    const node = p.node;
    if (node.type === 'ClassBody') return node;
    if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && ['Page', 'Component', 'App'].includes(node.callee.name)) return node;
    if (/Function/.test(node.type)) return null;
  }
  return null;
}

function isReassigned(index: NodeIndex, name: string): boolean {
  return index.of('AssignmentExpression').some((n) => n.left.type === 'Identifier' && n.left.name === name);
}

/** `x.name` or `x.name(...)` somewhere in the file. */
export function mentionsProperty(index: NodeIndex, name: string): boolean {
  return index.of('MemberExpression', 'OptionalMemberExpression').some((n) => !n.computed && n.property.name === name);
}

/** An existing binding that `site` can use: visible there, same manager, declared before. */
export function visibleExistingManager(site: Site, existing: ExistingManager[]): ExistingManager | null {
  for (const manager of existing) {
    if (manager.group !== hostGroup(site.host)) continue;
    if (manager.kind === 'this-member') {
      // A method of the same page, reached with the page as `this`, and not the hook itself.
      const fn = enclosingFunction(site.member);
      if (fn && ownerOf(fn) === manager.owner && !LIFECYCLE_HOOKS.has(functionName(fn) ?? '')) return manager;
      continue;
    }
    if (manager.kind === 'assigned') {
      // Inside a handler (it runs after the hook that assigned it), never in a hook itself.
      const fn = enclosingFunction(site.member);
      if (fn && !LIFECYCLE_HOOKS.has(functionName(fn) ?? '') && site.member.scope?.lookup(manager.name)?.isGlobal) return manager;
      continue;
    }
    const scope = site.member.scope?.lookup(manager.name);
    if (!scope) continue;
    const enclosing = enclosingContainers(site.member);
    if (!enclosing.includes(manager.container)) continue;
    if (manager.topLevel) {
      // Module level: fine from inside functions (they run later); top-level code must come after it.
      if (!scope.isGlobal) continue;
      if (!insideFunction(site.member) && site.member.node.start < manager.declarationEnd) continue;
      return manager;
    }
    if (manager.declarationEnd <= site.member.node.start && scope.node === manager.scopeNode) return manager;
  }
  return null;
}

/** Program and BlockStatement nodes around `path`, innermost first. */
export function enclosingContainers(path: ASTPath<any>): any[] {
  const out: any[] = [];
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (p.node.type === 'Program' || p.node.type === 'BlockStatement') out.push(p.node);
  }
  return out;
}

export function insideFunction(path: ASTPath<any>): boolean {
  for (let p: ASTPath<any> | null = path.parent; p; p = p.parent) {
    if (/Function|ObjectMethod|ClassMethod|ClassPrivateMethod/.test(p.node.type)) return true;
  }
  return false;
}

/** Native single-host files get a module-level binding; cross-platform ones fetch it locally. */
export function choosePlacement(j: JSCodeshift, root: Collection<any>, index: NodeIndex, source: string, filePath: string, taroNames: Set<string>): Placement {
  if (taroNames.size > 0 || source.includes('@tarojs/')) return 'local';
  if (/\.(tsx|jsx)$/i.test(filePath)) return 'local';
  // .vue/.wpy blocks (Taro Vue, uni-app, mpvue build for several platforms) and uni-app's
  // conditional compilation (`// #ifdef MP-WEIXIN`) mean the file runs where `wx` may not exist.
  if (/\.(vue|wpy)\.(script|setup)\.[cm]?[jt]sx?$/i.test(filePath) || /#ifn?def\b/.test(source)) return 'local';
  if (index.of('ImportDeclaration').some((n) => /^(@tarojs\/|react$|vue$)/.test(String(n.source.value)))) return 'local';
  if (index.of('JSXElement').length > 0) return 'local';
  if (source.includes('TARO_ENV')) return 'local';
  // A helper that also calls tt./my./swan. runs on hosts without `wx`: a module-level
  // `wx.getRecorderManager()` would throw there at import time.
  if (globalHostsUsed(j, root, index).size > 1) return 'local';
  return 'module';
}

const ALL_HOST_GLOBALS = new Set(['wx', 'qq', 'swan', 'my', 'tt', 'uni', 'jd', 'ks', 'dd', 'has', 'xhs']);

function globalHostsUsed(j: JSCodeshift, root: Collection<any>, index: NodeIndex): Set<string> {
  const used = new Set<string>();
  const spelled = new Set(index.of('MemberExpression').map((n) => n.object.type === 'Identifier' && n.object.name).filter((n) => ALL_HOST_GLOBALS.has(n)));
  if (spelled.size < 2) return spelled;
  root.find(j.MemberExpression, { object: { type: 'Identifier' } }).forEach((p) => {
    const name = (p.node.object as any).name;
    if (ALL_HOST_GLOBALS.has(name) && !p.scope?.lookup(name)) used.add(name);
  });
  return used;
}

/**
 * Where a new module-level binding goes: after the imports/requires and directives at the
 * top, else before the first statement (after a header comment separated by a blank line).
 */
export function moduleInsertionPoint(
  program: any,
  source: string,
  comments: Array<{ start: number; end: number }>,
): { offset: number; after: boolean } {
  let lastImport: any = null;
  for (const statement of program.body) {
    if (isImportLike(statement)) lastImport = statement;
    else break;
  }
  if (lastImport) return { offset: lastImport.end, after: true };
  const directives = program.directives ?? [];
  if (directives.length > 0) return { offset: directives[directives.length - 1].end, after: true };
  const first = program.body[0];
  if (!first) return { offset: source.length, after: true };
  const leading = comments.filter((c) => c.end <= first.start);
  let offset = leading.length > 0 ? leading[0].start : first.start;
  for (let i = 0; i < leading.length; i++) {
    const next = i + 1 < leading.length ? leading[i + 1].start : first.start;
    // A comment block that opens the file (`// pages/voice/voice.js`) or stands apart from
    // the first statement is a header: the binding goes after it. A JSDoc right above the
    // first statement documents that statement: the binding goes before it.
    const separated = /\n[ \t]*\r?\n/.test(source.slice(leading[i].end, next));
    // A `/**` block that opens the file documents the first statement only when that is
    // something one documents (a function, a class, an export); otherwise it is a header.
    const fileHeader = leading[0].start === 0 && (!source.startsWith('/**') || !isDocumentable(first));
    if (separated || fileHeader) offset = next;
  }
  return { offset, after: false };
}

function isDocumentable(statement: any): boolean {
  if (/^(FunctionDeclaration|ClassDeclaration|Export\w+Declaration|TS\w+Declaration)$/.test(statement.type)) return true;
  return statement.type === 'VariableDeclaration' && statement.declarations.some((d: any) => /Function|Class/.test(d.init?.type ?? ''));
}

/** Imports, requires and `const app = getApp()`: the set-up lines native pages open with. */
function isImportLike(statement: any): boolean {
  if (statement.type === 'ImportDeclaration') return true;
  if (statement.type === 'ExpressionStatement' && statement.directive) return true;
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.every((d: any) => d.init && (isRequire(d.init) || isGetApp(d.init)));
}

function isGetApp(node: any): boolean {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'getApp';
}

function isRequire(node: any): boolean {
  if (node.type === 'MemberExpression') return isRequire(node.object);
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier') {
    return node.callee.name === 'require' || (node.callee.name === '_interopRequireDefault' && node.arguments.length === 1);
  }
  return false;
}
