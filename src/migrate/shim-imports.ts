import { Edit } from './edits';
import { moduleInsertionPoint } from './manager';
import { NodeIndex } from './node-index';
import { LegacyApi, PlaybackApi } from './report';
import { FileStyle } from './style';
import { NameAllocator } from './text';
import { RestOfComponent, restMayUse } from './sfc-other-block';

/**
 * The module sites are pointed at when the caller names none: the runtime package. The CLI
 * and the jscodeshift entry name, per file, the shim file they write into the app instead
 * (src/shim-delivery/), and `--shim-import` names a module of the user's own.
 */
export const SHIM_PACKAGE = 'startrecord-codemod-shim';

/** The file the codemod writes into an app, imported without its extension. */
export const SHIM_FILE_BASENAME = 'startrecord-shim';

/**
 * What the shim exports for the sites. `startRecordPromise` is Taro before 3.3.1's
 * `startRecord`, which returned its Promise even when callbacks were given (SPEC §1);
 * `playVoicePromise` is Taro 1.x/2.x's `playVoice`, promisified the same way (SPEC §8).
 */
export type ShimExport = LegacyApi | 'startRecordPromise' | PlaybackApi | 'playVoicePromise';

/** An import of any copy of the shim: the package, a file the codemod wrote, an older path. */
function isShimModule(source: unknown, moduleName: string): boolean {
  if (typeof source !== 'string') return false;
  if (source === moduleName || source === SHIM_PACKAGE || source === 'startrecord-codemod/shim') return true;
  return source.replace(/\.(js|ts)$/, '').split('/').pop() === SHIM_FILE_BASENAME && source.startsWith('.');
}

/**
 * Brings `startRecord`/`stopRecord` from the shim into a file, once, in the file's module
 * style (`import` in ES modules and TypeScript, `require` otherwise). An existing import
 * of the shim is reused and extended, so a second run adds nothing.
 */
export interface ShimImports {
  /** The local name to call, per API. */
  local: Partial<Record<ShimExport, string>>;
  edits: Edit[];
  /** The new import took the place offered (`inPlaceOf`). */
  tookPlace: boolean;
}

export interface ShimNeeds {
  /** Exports for sites reached through a host object (`wx.startRecord`): they get a fresh local name. */
  members: Set<ShimExport>;
  /** Functions that were imported by name from Taro: they keep their local name. */
  named: Array<{ api: ShimExport; local: string }>;
}

export function planShimImports(
  index: NodeIndex,
  program: any,
  source: string,
  comments: Array<{ start: number; end: number }>,
  style: FileStyle,
  names: NameAllocator,
  moduleName: string,
  /** For a block of a Vue component: the names the rest of the component uses. */
  rest?: RestOfComponent,
): (needs: ShimNeeds, inPlaceOf?: { start: number; end: number }) => ShimImports {
  const kind = kindFor(program, index, rest !== undefined);
  const free = (name: string) => isFreeName(index, name) && !restMayUse(rest, name);
  return (needs, inPlaceOf) => {
    const existing = existingShimImport(index, moduleName);
    const local: Partial<Record<ShimExport, string>> = { ...existing?.local };
    const specifiers: string[] = [];
    for (const { api, local: name } of needs.named) {
      local[api] = local[api] ?? name;
      // A function imported by name keeps its name: an existing import of the shim that
      // brings the same function under another name gets this name too.
      if (existing?.local[api] !== name) specifiers.push(api === name ? api : asAlias(api, name, existing?.kind ?? kind));
    }
    for (const api of needs.members) {
      if (local[api]) continue;
      // `wx.startRecord` itself uses the name only as a property: the plain name reads best,
      // unless a method of that name would make a call inside it read like recursion.
      const name = free(api) ? names.claim(api) : names.allocate(`legacy${api[0].toUpperCase()}${api.slice(1)}`);
      local[api] = name;
      specifiers.push(api === name ? api : asAlias(api, name, existing?.kind ?? kind));
    }
    if (specifiers.length === 0) return { local, edits: [], tookPlace: false };
    if (existing) return { local, edits: [extendExisting(existing, specifiers, source)], tookPlace: false };
    const declaration = newDeclaration(kind, specifiers, style, moduleName);
    // In place of an import the migration removes (Taro's, once unused): same line, same place.
    if (inPlaceOf) return { local, edits: [{ start: inPlaceOf.start, end: inPlaceOf.end, build: () => declaration }], tookPlace: true };
    const at = moduleInsertionPoint(program, source, comments);
    const text = at.after ? style.eol + declaration : declaration + style.eol + style.eol;
    return { local, edits: [{ start: at.offset, end: at.offset, build: () => text }], tookPlace: false };
  };
}

type ImportKind = 'import' | 'require' | 'var';

/**
 * `import` in ES modules. A component's script (Vue, WePY) is always compiled as one (Vite leaves
 * a `require` in it unresolved), unless the block itself is CommonJS (`module.exports =`):
 * webpack refuses `import` next to that.
 */
function kindFor(program: any, index: NodeIndex, componentBlock: boolean): ImportKind {
  if (program.sourceType === 'module') return 'import';
  return componentBlock && !usesCommonJsExports(index) ? 'import' : 'require';
}

/** `module.exports` or `exports.x` anywhere in the block. */
function usesCommonJsExports(index: NodeIndex): boolean {
  return index.of('MemberExpression').some(
    (node) => !node.computed && node.object.type === 'Identifier' && ((node.object.name === 'module' && node.property.name === 'exports') || node.object.name === 'exports'),
  );
}

function asAlias(api: ShimExport, local: string, kind: ImportKind): string {
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

export interface ExistingShimImport {
  kind: ImportKind;
  line: number;
  local: Partial<Record<ShimExport, string>>;
  /** The braces to extend. */
  open: number;
  close: number;
}

export function existingShimImport(index: NodeIndex, moduleName: string): ExistingShimImport | null {
  let found: ExistingShimImport | null = null;
  index.of('ImportDeclaration').forEach((node) => {
    if (!isShimModule(node.source.value, moduleName)) return;
    const specs = (node.specifiers ?? []).filter((s: any) => s.type === 'ImportSpecifier') as any[];
    if (found || specs.length === 0) return;
    const local: ExistingShimImport['local'] = {};
    for (const s of specs) if (SHIM_EXPORTS.includes(s.imported.name)) local[s.imported.name as ShimExport] = s.local.name;
    found = { kind: 'import', line: node.loc?.start.line ?? 0, local, open: specs[0].start, close: specs[specs.length - 1].end };
  });
  if (found) return found;
  index.of('VariableDeclarator').forEach((node) => {
    const init: any = node.init;
    if (found || node.id.type !== 'ObjectPattern' || init?.type !== 'CallExpression' || init.callee.name !== 'require' || !isShimModule(init.arguments[0]?.value, moduleName)) return;
    const props = node.id.properties as any[];
    if (props.length === 0) return;
    const local: ExistingShimImport['local'] = {};
    for (const prop of props) {
      const key = prop.key?.name;
      if (SHIM_EXPORTS.includes(key) && prop.value?.type === 'Identifier') local[key as ShimExport] = prop.value.name;
    }
    found = { kind: 'require', line: node.loc?.start.line ?? 0, local, open: props[0].start, close: props[props.length - 1].end };
  });
  return found;
}

function extendExisting(existing: ExistingShimImport, specifiers: string[], source: string): Edit {
  const text = source.slice(existing.open, existing.close) + ', ' + specifiers.join(', ');
  return { start: existing.open, end: existing.close, build: () => text };
}

const SHIM_EXPORTS: readonly string[] = ['startRecord', 'stopRecord', 'startRecordPromise', 'playVoice', 'playVoicePromise', 'pauseVoice', 'stopVoice'];

/**
 * No binding or free reference of `name` in the file, and no method of that name (a page's
 * `startRecord() { startRecord({...}) }` would read like recursion). Property accesses
 * (`wx.startRecord`) and plain data keys do not count.
 */
function isFreeName(index: NodeIndex, name: string): boolean {
  return !index.of('Identifier').some((node) => {
    if (node.name !== name) return false;
    const parent: any = index.parentOf(node);
    if (!parent) return true;
    if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
    if (parent.key === node && !parent.computed && !parent.shorthand) {
      if (['ObjectMethod', 'ClassMethod', 'ClassPrivateMethod', 'TSMethodSignature'].includes(parent.type)) return true;
      if (['ObjectProperty', 'ClassProperty'].includes(parent.type)) return isFunctionNode(parent.value);
      if (parent.type === 'TSPropertySignature') return false;
    }
    return true;
  });
}

function isFunctionNode(node: any): boolean {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}
