import type { ASTPath } from 'jscodeshift';
import { NodeIndex } from './node-index';
import { Edit } from './edits';
import { RECORDING_APIS } from './api-names';
import { LegacyApi } from './report';
import { FileStyle } from './style';
import { NameAllocator } from './text';

/**
 * `startRecord` reached without its host object:
 *   import { startRecord, stopRecord as stop } from '@tarojs/taro'
 *   const { startRecord } = Taro
 *   const { startRecord } = require('@tarojs/taro')
 * Each binding is a small declaration we may have to edit: once every use of it is
 * converted it goes, and `getRecorderManager` comes in where the file has no Taro object
 * to call it on.
 */
export interface NamedBinding {
  api: LegacyApi;
  /** The local name the file calls (`stop` in `stopRecord as stop`). */
  local: string;
  /** The specifier or pattern property to remove once unused. */
  node: any;
  /** The ImportDeclaration or the ObjectPattern holding it. */
  holder: any;
  kind: 'import' | 'destructure';
  /** The statement declaring it (for a destructuring that becomes empty). */
  statement: any;
}

const TARO_MODULE = '@tarojs/taro';

export function findNamedBindings(index: NodeIndex, taroNames: Set<string>): NamedBinding[] {
  const found: NamedBinding[] = [];
  for (const node of index.of('ImportDeclaration')) {
    if (node.source.value !== TARO_MODULE || node.importKind === 'type') continue;
    for (const s of node.specifiers ?? []) {
      if (s.type !== 'ImportSpecifier' || s.importKind === 'type') continue;
      const imported = String(s.imported.name);
      if ((RECORDING_APIS as readonly string[]).includes(imported)) {
        found.push({ api: imported as LegacyApi, local: String(s.local?.name ?? imported), node: s, holder: node, kind: 'import', statement: node });
      }
    }
  }
  for (const node of index.of('VariableDeclarator')) {
    // The cheap test first: finding a parent walks down from the root.
    if (node.id.type !== 'ObjectPattern' || !isTaroObject(node.init, taroNames)) continue;
    const statement = index.parentOf(node);
    if (index.parentOf(statement)?.type !== 'Program') continue;
    for (const prop of node.id.properties) {
      const key = prop.key?.name;
      if (prop.type !== 'ObjectProperty' || prop.computed || !(RECORDING_APIS as readonly string[]).includes(key) || prop.value.type !== 'Identifier') continue;
      found.push({ api: key, local: prop.value.name, node: prop, holder: node.id, kind: 'destructure', statement });
    }
  }
  return found;
}

function isTaroObject(init: any, taroNames: Set<string>): boolean {
  if (init?.type === 'Identifier') return taroNames.has(init.name);
  return init?.type === 'CallExpression' && init.callee.name === 'require' && init.arguments[0]?.value === TARO_MODULE;
}

/** The binding a use of `name` at `path` resolves to, if it is one of ours (not shadowed). */
export function bindingAt(path: ASTPath<any>, name: string, bindings: NamedBinding[]): NamedBinding | null {
  const binding = bindings.find((b) => b.local === name);
  if (!binding) return null;
  const scope = path.scope?.lookup(name);
  return scope && scope.isGlobal ? binding : null;
}

/**
 * How converted code reaches `getRecorderManager` in a file that imports the legacy
 * functions by name, and the edits to the declarations. `usedByOthers` holds the
 * bindings that still have uses we did not convert: they stay.
 */
export function planNamedImports(
  bindings: NamedBinding[],
  /** Bindings whose uses are all converted or shimmed. */
  converted: Set<NamedBinding>,
  usedByOthers: Set<NamedBinding>,
  /** Whether converted code needs `getRecorderManager` (shimmed code does not). */
  needsGetter: boolean,
  taroObject: string | null,
  existingGetter: string | null,
  names: NameAllocator,
  source: string,
  style: FileStyle,
): { getter: string; edits: Edit[]; removedStatement: { start: number; end: number; edit: Edit } | null } {
  const removable = bindings.filter((b) => converted.has(b) && !usedByOthers.has(b));
  let getter = taroObject ? `${taroObject}.getRecorderManager` : existingGetter;
  let added: { holder: any; text: string } | null = null;
  if (!getter && needsGetter) {
    const local = names.allocate('getRecorderManager');
    getter = local;
    const first = bindings.find((b) => converted.has(b))!;
    const text =
      first.kind === 'import'
        ? local === 'getRecorderManager' ? 'getRecorderManager' : `getRecorderManager as ${local}`
        : local === 'getRecorderManager' ? 'getRecorderManager' : `getRecorderManager: ${local}`;
    added = { holder: first.holder, text };
  }
  const edits: Edit[] = [];
  let removedStatement: { start: number; end: number; edit: Edit } | null = null;
  const holders = new Set<any>([...removable.map((b) => b.holder), ...(added ? [added.holder] : [])]);
  for (const holder of holders) {
    const remove = removable.filter((b) => b.holder === holder).map((b) => b.node);
    const add = added && added.holder === holder ? added.text : null;
    const binding = bindings.find((b) => b.holder === holder)!;
    const holderEdits = rewriteHolder(holder, remove, add, binding, source, style);
    // A whole top-level statement that goes (an import, a `require` destructuring): the
    // shim's import can take its place.
    const { statement } = binding;
    const whole = holderEdits.find((e) => e.start <= statement.start && e.end >= statement.end);
    if (whole && !removedStatement) removedStatement = { start: statement.start, end: statement.end, edit: whole };
    edits.push(...holderEdits);
  }
  return { getter: getter ?? 'getRecorderManager', edits, removedStatement };
}

/**
 * Rewrites the `{ ... }` of an import or a destructuring with some members removed and one
 * maybe added, keeping the others as written. An import or destructuring left with nothing
 * loses its braces, or goes entirely.
 */
function rewriteHolder(holder: any, remove: any[], add: string | null, binding: NamedBinding, source: string, style: FileStyle): Edit[] {
  const members: any[] = binding.kind === 'import' ? holder.specifiers.filter((s: any) => s.type === 'ImportSpecifier') : holder.properties;
  const kept = members.filter((m) => !remove.includes(m)).map((m) => source.slice(m.start, m.end));
  if (add) kept.push(add);
  if (members.length === 0) return [];
  const open = source.lastIndexOf('{', members[0].start);
  const close = source.indexOf('}', members[members.length - 1].end);
  const inside = source.slice(open + 1, close);
  if (kept.length === 0) return [emptyHolderEdit(holder, binding, open, close, source, style)];
  const multiline = inside.includes('\n');
  let text: string;
  if (multiline) {
    const indent = /\n([ \t]*)\S/.exec(inside)?.[1] ?? style.indentUnit;
    const closingIndent = /\n([ \t]*)$/.exec(inside)?.[1] ?? '';
    const trailingComma = /,\s*$/.test(inside);
    text = `{${style.eol}${kept.map((k) => indent + k).join(`,${style.eol}`)}${trailingComma ? ',' : ''}${style.eol}${closingIndent}}`;
  } else {
    const pad = inside.startsWith(' ') ? ' ' : '';
    text = `{${pad}${kept.join(', ')}${pad}}`;
  }
  return [{ start: open, end: close + 1, build: () => text }];
}

/** `import Taro, { startRecord } from ...` keeps `import Taro from ...`; an empty destructuring goes. */
function emptyHolderEdit(holder: any, binding: NamedBinding, open: number, close: number, source: string, style: FileStyle): Edit {
  if (binding.kind === 'import') {
    const comma = source.lastIndexOf(',', open);
    const hasDefault = holder.specifiers.some((s: any) => s.type !== 'ImportSpecifier');
    if (hasDefault && comma > holder.start) return { start: comma, end: close + 1, build: () => '' };
    return { start: holder.start, end: lineEnd(source, holder.end, style), build: () => '' };
  }
  const statement = binding.statement;
  return { start: lineStart(source, statement.start), end: lineEnd(source, statement.end, style), build: () => '' };
}

function lineStart(source: string, offset: number): number {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(source.slice(start, offset)) ? start : offset;
}

function lineEnd(source: string, offset: number, style: FileStyle): number {
  const rest = source.slice(offset);
  const m = /^[ \t]*(\r?\n)/.exec(rest);
  void style;
  return m ? offset + m[0].length : offset;
}
