import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { Host, resolveHost } from './hosts';
import { LegacyApi } from './report';

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
  usage: 'statement' | 'expression' | 'reference' | 'assignment' | 'check';
  /** The `host.startRecord` member expression. */
  member: ASTPath<any>;
  /** The call, when the member is called. */
  call: ASTPath<any> | null;
  /** The statement holding the call, for `statement` sites. */
  statement: ASTPath<any> | null;
  /** Set when the member is written `wx['startRecord']`. */
  computed: boolean;
  line: number;
  column: number;
}

const LEGACY_APIS: readonly LegacyApi[] = ['startRecord', 'stopRecord'];

function legacyApiOf(member: any): { api: LegacyApi; computed: boolean } | null {
  const prop = member.property;
  if (!member.computed && prop.type === 'Identifier' && LEGACY_APIS.includes(prop.name)) {
    return { api: prop.name, computed: false };
  }
  if (member.computed && (prop.type === 'StringLiteral' || prop.type === 'Literal') && LEGACY_APIS.includes(prop.value)) {
    return { api: prop.value, computed: true };
  }
  return null;
}

export function findSites(j: JSCodeshift, root: Collection<any>, taroNames: Set<string>): Site[] {
  const sites: Site[] = [];
  const visit = (member: ASTPath<any>) => {
    const legacy = legacyApiOf(member.node);
    if (!legacy) return;
    const host = resolveHost(member.node.object, member, taroNames);
    if (!host) return;
    sites.push({ ...legacy, host, ...classifyUsage(member), member, ...position(member.node) });
  };
  // ast-types treats OptionalMemberExpression as a kind of MemberExpression: one pass finds both.
  root.find(j.MemberExpression).forEach(visit);
  return sites.sort((a, b) => a.member.node.start - b.member.node.start);
}

function position(node: any): { line: number; column: number } {
  return { line: node.loc.start.line, column: node.loc.start.column + 1 };
}

function classifyUsage(member: ASTPath<any>): Pick<Site, 'usage' | 'call' | 'statement'> {
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

/**
 * `import { startRecord } from '@tarojs/taro'` and `const { startRecord } = Taro`: the
 * function reached without its host object. Reported, not rewritten, for now.
 */
export interface NamedBinding {
  api: LegacyApi;
  line: number;
  column: number;
  how: string;
}

export function findNamedBindings(j: JSCodeshift, root: Collection<any>, taroNames: Set<string>): NamedBinding[] {
  const found: NamedBinding[] = [];
  root.find(j.ImportDeclaration, { source: { value: '@tarojs/taro' } }).forEach((p) => {
    for (const s of p.node.specifiers ?? []) {
      const imported = s.type === 'ImportSpecifier' ? String(s.imported.name) : '';
      if ((LEGACY_APIS as string[]).includes(imported) && p.node.importKind !== 'type' && (s as any).importKind !== 'type') {
        found.push({ api: imported as LegacyApi, ...position(s), how: `imported by name from '@tarojs/taro'` });
      }
    }
  });
  root.find(j.VariableDeclarator, { id: { type: 'ObjectPattern' } }).forEach((p) => {
    const init: any = p.node.init;
    const fromTaro =
      (init?.type === 'Identifier' && taroNames.has(init.name)) ||
      (init?.type === 'CallExpression' && init.callee.name === 'require' && init.arguments[0]?.value === '@tarojs/taro');
    if (!fromTaro) return;
    for (const prop of (p.node.id as any).properties) {
      const key = prop.key?.name;
      if ((LEGACY_APIS as string[]).includes(key)) {
        found.push({ api: key, ...position(prop), how: 'destructured from the Taro module' });
      }
    }
  });
  return found;
}
