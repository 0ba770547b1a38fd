import type { Host } from './hosts';
import { Edit } from './edits';
import { NodeIndex } from './node-index';
import { RestOfComponent, restMayUse } from './sfc-other-block';
import { taroJsxNeedsDefaultImport } from './taro-version';

/**
 * The `@tarojs/taro` import a file no longer uses once its last `Taro.startRecord` went
 * to the shim. Left in place it is a TS6133 error under `noUnusedLocals` (Taro's template
 * tsconfig has it) and a lint error elsewhere, so it goes: the whole statement, or just
 * the default name in `import Taro, { useState } from '@tarojs/taro'`.
 *
 * Kept when anything else still names it (a type such as `Taro.startRecord.Option`
 * counts), and in Taro 1.x/2.x files with JSX, which compile to `Taro.createElement`.
 */
export interface UnusedTaroImport {
  /** The range to remove. */
  start: number;
  end: number;
  /** True when the whole statement goes: its place can take the shim's import instead. */
  wholeStatement: boolean;
}

export function findUnusedTaroImport(
  index: NodeIndex,
  taroNames: Set<string>,
  /** Recording and playback decisions: the sites that go to the shim lose their `Taro.` reference. */
  decisions: ReadonlyArray<{ action: string; site: { host: Host } }>,
  source: string,
  taroVersion: string | undefined,
  /** Edits already planned (named imports trimmed): the statement is left to them. */
  planned: Edit[],
  /** The rest of a Vue component sees this block's imports: a name it spells (or might, unread) stays. */
  rest?: RestOfComponent,
): UnusedTaroImport | null {
  for (const name of taroNames) {
    if (restMayUse(rest, name)) continue;
    const shimmed = decisions.filter((d) => d.action === 'shim' && d.site.host.kind === 'taro' && d.site.host.name === name).length;
    if (shimmed === 0) continue;
    const binding = findBinding(index, name);
    if (!binding) continue;
    if (referencesOf(index, name, binding.id) !== shimmed) continue;
    if (index.of('JSXElement', 'JSXFragment').length > 0 && (taroJsxNeedsDefaultImport(taroVersion) || binding.classicTaro)) continue;
    if (planned.some((e) => e.start < binding.statement.end && e.end > binding.statement.start)) continue;
    return removal(binding, source);
  }
  return null;
}

interface Binding {
  /** The identifier that declares the name. */
  id: any;
  statement: any;
  /** The import specifier, when other specifiers share the statement. */
  specifier: any | null;
  /** `import Taro, { Component } from '@tarojs/taro'`: a Taro 1.x/2.x class component. */
  classicTaro: boolean;
}

function findBinding(index: NodeIndex, name: string): Binding | null {
  for (const node of index.of('ImportDeclaration')) {
    if (node.source.value !== '@tarojs/taro') continue;
    const specifiers: any[] = node.specifiers ?? [];
    const own = specifiers.find((s) => (s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') && s.local?.name === name);
    if (!own) continue;
    const classicTaro = specifiers.some((s) => s.type === 'ImportSpecifier' && s.imported?.name === 'Component');
    return { id: own.local, statement: node, specifier: specifiers.length > 1 ? own : null, classicTaro };
  }
  for (const node of index.of('VariableDeclaration')) {
    if (node.declarations.length !== 1) continue;
    const declarator = node.declarations[0];
    if (declarator.id.type === 'Identifier' && declarator.id.name === name) return { id: declarator.id, statement: node, specifier: null, classicTaro: false };
  }
  return null;
}

/** Identifiers that read `name` (not the declaration itself, property names or keys). */
function referencesOf(index: NodeIndex, name: string, declaration: any): number {
  let count = 0;
  for (const node of index.of('Identifier', 'JSXIdentifier')) {
    if (node.name !== name || node === declaration) continue;
    const parent = index.parentOf(node);
    if ((parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) continue;
    if (parent?.key === node && !parent.computed && !parent.shorthand) continue;
    if (parent?.type === 'TSQualifiedName' && parent.right === node) continue;
    count++;
  }
  return count;
}

function removal(binding: Binding, source: string): UnusedTaroImport {
  if (binding.specifier) {
    // `Taro, ` before the braces (or `, * as Taro` after the default name).
    const after = source.slice(binding.specifier.end);
    const comma = /^\s*,\s*/.exec(after);
    if (comma) return { start: binding.specifier.start, end: binding.specifier.end + comma[0].length, wholeStatement: false };
    const before = /,\s*$/.exec(source.slice(0, binding.specifier.start));
    return { start: before ? binding.specifier.start - before[0].length : binding.specifier.start, end: binding.specifier.end, wholeStatement: false };
  }
  return { start: binding.statement.start, end: binding.statement.end, wholeStatement: true };
}

/**
 * The edit that removes it, with its line (when the shim's import takes the statement's
 * place instead, shim-imports.ts writes that edit).
 */
export function unusedTaroImportEdit(found: UnusedTaroImport, source: string): Edit {
  if (!found.wholeStatement) return { start: found.start, end: found.end, build: () => '' };
  // The whole line, with its line break.
  const lineStart = source.lastIndexOf('\n', found.start - 1) + 1;
  const onlyOnLine = /^[ \t]*$/.test(source.slice(lineStart, found.start));
  const rest = /^[ \t]*;?[ \t]*(\r?\n)?/.exec(source.slice(found.end))![0];
  return onlyOnLine ? { start: lineStart, end: found.end + rest.length, build: () => '' } : { start: found.start, end: found.end, build: () => '' };
}
