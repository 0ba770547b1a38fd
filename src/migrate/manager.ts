import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { Host, resolveHost } from './hosts';
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
  name: string;
  group: string;
  /** The statement list (Program or BlockStatement) that declares it. */
  container: any;
  declarationEnd: number;
  topLevel: boolean;
  /** The scope (function or program) node that declares it. */
  scopeNode: any;
}

export type Placement = 'module' | 'local';

/** WeChat-compatible hosts that share one manager: `wx` and Taro (weapp) reach the same one. */
export function hostGroup(host: Host): string {
  return host.kind === 'taro' || host.kind === 'taro-named' ? 'wx' : host.name;
}

export function findExistingManagers(j: JSCodeshift, root: Collection<any>, index: NodeIndex, taroNames: Set<string>): ExistingManager[] {
  const found: ExistingManager[] = [];
  // Scope analysis needs paths; the index says first whether there is anything to find.
  if (!mentionsProperty(index, 'getRecorderManager')) return found;
  root.find(j.CallExpression).forEach((call) => {
    const callee: any = call.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'getRecorderManager') return;
    const host = resolveHost(callee.object, call, taroNames);
    if (!host || host.kind === 'foreign') return;
    const declarator = call.parent;
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
    });
  });
  return found;
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
    const fileHeader = leading[0].start === 0 && !source.startsWith('/**');
    if (separated || fileHeader) offset = next;
  }
  return { offset, after: false };
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
