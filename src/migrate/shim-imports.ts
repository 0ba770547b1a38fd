import { Edit } from './edits';
import { moduleInsertionPoint } from './manager';
import { NodeIndex } from './node-index';
import { LegacyApi } from './report';
import { FileStyle } from './style';
import { NameAllocator } from './text';

/** The module sites are pointed at; `--shim-import` (MigrateOptions.shimImport) can change it. */
export const SHIM_MODULE = 'startrecord-codemod/shim';

/**
 * Brings `startRecord`/`stopRecord` from the shim into a file, once, in the file's module
 * style (`import` in ES modules and TypeScript, `require` otherwise). An existing import
 * of the shim is reused and extended, so a second run adds nothing.
 */
export interface ShimImports {
  /** The local name to call, per API. */
  local: Partial<Record<LegacyApi, string>>;
  edits: Edit[];
}

export interface ShimNeeds {
  /** APIs reached through a host object (`wx.startRecord`): they get a fresh local name. */
  members: Set<LegacyApi>;
  /** Functions that were imported by name from Taro: they keep their local name. */
  named: Array<{ api: LegacyApi; local: string }>;
}

export function planShimImports(
  index: NodeIndex,
  program: any,
  source: string,
  comments: Array<{ start: number; end: number }>,
  style: FileStyle,
  names: NameAllocator,
  moduleName: string,
): (needs: ShimNeeds) => ShimImports {
  return (needs) => {
    const existing = existingShimImport(index, moduleName);
    const local: Partial<Record<LegacyApi, string>> = { ...existing?.local };
    const specifiers: string[] = [];
    for (const { api, local: name } of needs.named) {
      local[api] = local[api] ?? name;
      if (!existing?.local[api]) specifiers.push(api === name ? api : asAlias(api, name, existing?.kind ?? kindFor(program)));
    }
    for (const api of needs.members) {
      if (local[api]) continue;
      // `wx.startRecord` itself uses the name only as a property: the plain name reads best.
      const name = isFreeName(index, api) ? names.claim(api) : names.allocate(api === 'startRecord' ? 'legacyStartRecord' : 'legacyStopRecord');
      local[api] = name;
      specifiers.push(api === name ? api : asAlias(api, name, existing?.kind ?? kindFor(program)));
    }
    if (specifiers.length === 0) return { local, edits: [] };
    if (existing) return { local, edits: [extendExisting(existing, specifiers, source)] };
    const at = moduleInsertionPoint(program, source, comments);
    const declaration = newDeclaration(kindFor(program), specifiers, style, moduleName);
    const text = at.after ? style.eol + declaration : declaration + style.eol + style.eol;
    return { local, edits: [{ start: at.offset, end: at.offset, build: () => text }] };
  };
}

type ImportKind = 'import' | 'require' | 'var';

function kindFor(program: any): ImportKind {
  return program.sourceType === 'module' ? 'import' : 'require';
}

function asAlias(api: LegacyApi, local: string, kind: ImportKind): string {
  return kind === 'import' ? `${api} as ${local}` : `${api}: ${local}`;
}

function newDeclaration(kind: ImportKind, specifiers: string[], style: FileStyle, moduleName: string): string {
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  if (kind === 'import') return `import { ${specifiers.join(', ')} } from ${q}${moduleName}${q}${semi}`;
  if (style.declKeyword === 'var') {
    // ES5 files: no destructuring.
    return specifiers
      .map((s) => {
        const [api, local = api] = s.split(': ');
        return `var ${local} = require(${q}${moduleName}${q}).${api}${semi}`;
      })
      .join(style.eol);
  }
  return `const { ${specifiers.join(', ')} } = require(${q}${moduleName}${q})${semi}`;
}

interface ExistingShimImport {
  kind: ImportKind;
  local: Partial<Record<LegacyApi, string>>;
  /** The braces to extend. */
  open: number;
  close: number;
}

function existingShimImport(index: NodeIndex, moduleName: string): ExistingShimImport | null {
  let found: ExistingShimImport | null = null;
  index.of('ImportDeclaration').forEach((node) => {
    if (node.source.value !== moduleName) return;
    const specs = (node.specifiers ?? []).filter((s: any) => s.type === 'ImportSpecifier') as any[];
    if (found || specs.length === 0) return;
    const local: ExistingShimImport['local'] = {};
    for (const s of specs) if (s.imported.name === 'startRecord' || s.imported.name === 'stopRecord') local[s.imported.name as LegacyApi] = s.local.name;
    found = { kind: 'import', local, open: specs[0].start, close: specs[specs.length - 1].end };
  });
  if (found) return found;
  index.of('VariableDeclarator').forEach((node) => {
    const init: any = node.init;
    if (found || node.id.type !== 'ObjectPattern' || init?.type !== 'CallExpression' || init.callee.name !== 'require' || init.arguments[0]?.value !== moduleName) return;
    const props = node.id.properties as any[];
    if (props.length === 0) return;
    const local: ExistingShimImport['local'] = {};
    for (const prop of props) {
      const key = prop.key?.name;
      if ((key === 'startRecord' || key === 'stopRecord') && prop.value?.type === 'Identifier') local[key as LegacyApi] = prop.value.name;
    }
    found = { kind: 'require', local, open: props[0].start, close: props[props.length - 1].end };
  });
  return found;
}

function extendExisting(existing: ExistingShimImport, specifiers: string[], source: string): Edit {
  const text = source.slice(existing.open, existing.close) + ', ' + specifiers.join(', ');
  return { start: existing.open, end: existing.close, build: () => text };
}

/** No binding or free reference of `name` in the file (property names do not count). */
function isFreeName(index: NodeIndex, name: string): boolean {
  return !index.of('Identifier').some((node) => {
    if (node.name !== name) return false;
    const parent: any = index.parentOf(node);
    if (!parent) return true;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
    if (['ObjectProperty', 'ObjectMethod', 'ClassMethod', 'ClassProperty', 'TSPropertySignature', 'TSMethodSignature'].includes(parent.type) && parent.key === node && !parent.computed && !parent.shorthand) {
      return false;
    }
    return true;
  });
}
