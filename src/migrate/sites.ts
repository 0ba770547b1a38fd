import type { ASTPath, Collection } from 'jscodeshift';
import { NodeIndex } from './node-index';
import { HOST_NAMES, Host, WECHAT_LIKE_GLOBALS, resolveHost } from './hosts';
import { NamedBinding, bindingAt } from './named-imports';
import { RECORDING_APIS } from './api-names';
import { LegacyApi } from './report';
import type { OtherBlock } from './sfc-other-block';

/**
 * A place in the file where the legacy API is reached through a host object. How it is
 * used decides what can be done with it:
 * - `statement`: `wx.startRecord(...)` whose value is dropped;
 * - `expression`: a call whose value is used (`await`, `.then`, `return`, `const p = `);
 * - `reference`: the function used as a value (`promisify(wx.startRecord)`);
 * - `assignment`: something assigns to it or deletes it (a test mock or a polyfill);
 * - `check`: only tested for existence (`typeof wx.startRecord`, `if (wx.startRecord)`).
 * The last two are never ours to touch.
 */
export interface Site {
  api: LegacyApi;
  host: Host;
  /**
   * `awaited-statement`: `await wx.startRecord(...)` as a statement of its own, whose value
   * is thrown away (with callbacks it was `undefined`, SPEC §1).
   */
  usage: 'statement' | 'awaited-statement' | 'expression' | 'reference' | 'assignment' | 'check';
  /** The `host.startRecord` member expression. */
  member: ASTPath<any>;
  /** The call, when the member is called. */
  call: ASTPath<any> | null;
  /** The statement holding the call, for `statement` sites. */
  statement: ASTPath<any> | null;
  /** Set when the member is written `wx['startRecord']`. */
  computed: boolean;
  /** How the function is written at the site (`wx.startRecord`, `Taro.stopRecord`, `stop`). */
  label: string;
  line: number;
  column: number;
}


function legacyApiOf(member: any): { api: LegacyApi; computed: boolean } | null {
  const prop = member.property;
  if (!member.computed && prop.type === 'Identifier' && RECORDING_APIS.includes(prop.name)) {
    return { api: prop.name, computed: false };
  }
  if (member.computed && (prop.type === 'StringLiteral' || prop.type === 'Literal') && RECORDING_APIS.includes(prop.value)) {
    return { api: prop.value, computed: true };
  }
  return null;
}

export function findSites(
  root: Collection<any>,
  index: NodeIndex,
  taroNames: Set<string>,
  named: NamedBinding[],
  source: string,
  otherBlock?: OtherBlock,
): Site[] {
  const sites: Site[] = [];
  const rootPath = root.get();
  // Only members named startRecord/stopRecord on a plain name (scope decides its host) or on
  // a host's name reached indirectly (`this.wx`, `(wx as any)`) can be sites; paths are
  // built for those alone.
  for (const node of index.of('MemberExpression', 'OptionalMemberExpression')) {
    const legacy = legacyApiOf(node);
    if (!legacy) continue;
    const indirect = hostReachedIndirectly(node.object, source);
    if (node.object.type !== 'Identifier' && !indirect) continue;
    const member = index.pathTo(rootPath, node);
    const host = indirect ?? resolveHost(node.object, member, taroNames, index, otherBlock);
    if (!host) continue;
    const label = `${indirect ? indirect.through : host.name}.${legacy.api}`;
    sites.push({ ...legacy, host, label, ...classifyUsage(member), member, ...position(node) });
  }
  // Functions imported or destructured by name: every reference to the binding is a site.
  for (const { node, path } of readsOf(index, rootPath, new Set(named.map((b) => b.local)))) {
    const binding = bindingAt(path, node.name, named);
    if (binding) sites.push(siteAtName(binding.api, { kind: 'taro-named', name: binding.local }, node, path, source));
  }
  sites.push(...importedInOtherBlock(index, rootPath, otherBlock, source));
  sites.push(...destructuredFromHostGlobal(index, rootPath, taroNames, source));
  return sites.sort((a, b) => a.member.node.start - b.member.node.start);
}

/**
 * `const { stopRecord } = wx`, then `stopRecord()`: the global's function under a name of
 * the file. Every use is a live call the rewrite does not follow: reported, and held back
 * with the host's other calls (decide.ts), so that a recording is not started through one
 * API and stopped through another.
 */
function destructuredFromHostGlobal(index: NodeIndex, rootPath: ASTPath<any>, taroNames: Set<string>, source: string): Site[] {
  const sites: Site[] = [];
  for (const declarator of index.of('VariableDeclarator')) {
    if (declarator.id.type !== 'ObjectPattern' || declarator.init?.type !== 'Identifier' || !WECHAT_LIKE_GLOBALS.has(declarator.init.name)) continue;
    const initPath = index.pathTo(rootPath, declarator.init);
    const host = resolveHost(declarator.init, initPath, taroNames, index);
    if (host?.kind !== 'global') continue;
    const declaringScope = initPath.scope;
    const through = `the destructuring on line ${declarator.loc.start.line} (${source.slice(declarator.start, declarator.end)})`;
    for (const property of declarator.id.properties) {
      const key = property.type === 'ObjectProperty' && !property.computed ? property.key.name : null;
      if (!key || !(RECORDING_APIS as readonly string[]).includes(key) || property.value.type !== 'Identifier') continue;
      const local = property.value.name;
      for (const { node, path } of readsOf(index, rootPath, new Set([local]))) {
        if (path.scope?.lookup(local) !== declaringScope?.lookup(local)) continue;
        sites.push(siteAtName(key as LegacyApi, { kind: 'indirect', name: host.name, through }, node, path, source));
      }
    }
  }
  return sites;
}


/**
 * `startRecord()` in a Vue component block, imported by name from `@tarojs/taro` or
 * destructured from a host in the other block (see sfc-other-block.ts): a live call,
 * reported and left alone.
 */
function importedInOtherBlock(index: NodeIndex, rootPath: ASTPath<any>, otherBlock: OtherBlock | undefined, source: string): Site[] {
  const imported = new Map<string, { api: LegacyApi; from: string; line: number }>();
  for (const [name, outer] of otherBlock?.visible ?? []) if (outer.legacyApi) imported.set(name, { api: outer.legacyApi.api as LegacyApi, from: outer.legacyApi.from, line: outer.line });
  const sites: Site[] = [];
  for (const { node, path } of readsOf(index, rootPath, imported)) {
    // Unbound here: not shadowed by a name of this block.
    if (path.scope?.lookup(node.name)) continue;
    const outer = imported.get(node.name)!;
    const host: Host = { kind: 'rebound', name: node.name, line: outer.line, otherBlock: { label: otherBlock!.label, legacyApiFrom: outer.from } };
    sites.push(siteAtName(outer.api, host, node, path, source));
  }
  return sites;
}

/** The identifiers spelled like one of `names` that read a variable (isReference), with their paths. */
function* readsOf(index: NodeIndex, rootPath: ASTPath<any>, names: { has(name: string): boolean; size: number }): Generator<{ node: any; path: ASTPath<any> }> {
  if (names.size === 0) return;
  for (const node of index.of('Identifier')) {
    if (!names.has(node.name)) continue;
    const path = index.pathTo(rootPath, node);
    if (isReference(path)) yield { node, path };
  }
}

/** A site where a recording function is reached by a plain name (`startRecord()`, `stop()`). */
function siteAtName(api: LegacyApi, host: Host, node: any, path: ASTPath<any>, source: string): Site {
  return { api, computed: false, host, label: source.slice(node.start, node.end), ...classifyUsage(path), member: path, ...position(node) };
}

/**
 * `this.wx`, `app.Taro`: a host's name as the (non-computed) property of a member; and a
 * host's name under a type cast or a non-null assertion (`(wx as any)`, `wx!`, `this.wx!`),
 * which the rewrite does not see through. Such a call is reported and held back with its
 * host's other calls (decide.ts), never rewritten.
 */
function hostReachedIndirectly(object: any, source: string): Extract<Host, { kind: 'indirect' }> | null {
  let inner = object;
  while (CASTS.has(inner.type)) inner = inner.expression;
  const cast = inner !== object;
  let name: string | null = null;
  if (cast && inner.type === 'Identifier') name = inner.name;
  if ((inner.type === 'MemberExpression' || inner.type === 'OptionalMemberExpression') && !inner.computed && inner.property.type === 'Identifier') name = inner.property.name;
  if (name === null || !HOST_NAMES.has(name)) return null;
  const start = object.extra?.parenthesized ? object.extra.parenStart : object.start;
  const end = object.extra?.parenthesized ? source.indexOf(')', object.end) + 1 : object.end;
  return { kind: 'indirect', name, through: source.slice(start, end) };
}

const CASTS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSTypeAssertion', 'TSNonNullExpression', 'TypeCastExpression']);

/** An identifier that reads a variable (not a property name, not a declaration). */
function isReference(path: ASTPath<any>): boolean {
  const node = path.node;
  const parent = path.parent?.node;
  if (!parent) return true;
  switch (parent.type) {
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return false;
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return parent.object === node || parent.computed;
    case 'ObjectProperty':
      // `{ startRecord }` in a destructuring declares it; in an object literal it reads it.
      return parent.value === node && path.parent.parent?.node.type !== 'ObjectPattern';
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassProperty':
      return parent.key !== node || parent.computed;
    case 'VariableDeclarator':
      return parent.init === node;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      return false;
    default:
      return !/^TS/.test(parent.type);
  }
}


function position(node: any): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

export function classifyUsage(member: ASTPath<any>): Pick<Site, 'usage' | 'call' | 'statement'> {
  const parent = member.parent;
  const parentNode = parent?.node;
  if (parentNode?.type === 'AssignmentExpression' && parentNode.left === member.node) {
    return { usage: 'assignment', call: null, statement: null };
  }
  if (parentNode?.type === 'UnaryExpression' && parentNode.operator === 'delete') {
    return { usage: 'assignment', call: null, statement: null };
  }
  if (isExistenceTest(member.node, parentNode)) return { usage: 'check', call: null, statement: null };
  const isCallee =
    (parentNode?.type === 'CallExpression' || parentNode?.type === 'OptionalCallExpression') &&
    parentNode.callee === member.node;
  if (!isCallee) return { usage: 'reference', call: null, statement: null };
  const holder = parent.parent;
  if (holder?.node.type === 'ExpressionStatement') return { usage: 'statement', call: parent, statement: holder };
  if (holder?.node.type === 'AwaitExpression' && holder.parent?.node.type === 'ExpressionStatement') {
    return { usage: 'awaited-statement', call: parent, statement: holder.parent };
  }
  return { usage: 'expression', call: parent, statement: null };
}

function isExistenceTest(node: any, parent: any): boolean {
  if (!parent) return false;
  if (parent.type === 'UnaryExpression') return parent.operator === 'typeof' || parent.operator === '!';
  if (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression' || parent.type === 'WhileStatement') {
    return parent.test === node;
  }
  return parent.type === 'LogicalExpression' && parent.left === node;
}
