import { parseAst } from './parse';
import { namesAHost } from './hosts';
import { forEachChild } from './node-index';
import { RECORDING_APIS } from './api-names';

/**
 * What one script block of a Vue component sees of the component's other block. Vue
 * compiles `<script>` and `<script setup>` into one module: the setup block sees every
 * top-level name of the plain block, and the plain block sees the setup block's imports
 * (hoisted to the module), not its other declarations (they live inside `setup()`).
 *
 * The migration reads one block at a time. Without this, a block would take a name bound
 * in the other one for the global (`import wx from 'weapp-api'` there, `wx.startRecord()`
 * here: rewritten as the global), or for nothing (`import Taro from '@tarojs/taro'` there:
 * `Taro.startRecord()` here skipped silently), and could drop an import the other block
 * still uses, or declare a name the module already has.
 */
export interface OtherBlock {
  /** `<script setup lang="ts">`, as a reader would recognise the block. */
  label: string;
  /**
   * The other block's bindings this block sees, by name, each with its line in the whole
   * file; null when the other block cannot be read (its language, or a syntax error).
   */
  visible: ReadonlyMap<string, OuterBinding> | null;
  /** Every identifier the other block spells (null: unreadable): names this block must keep, and must not declare. */
  mentioned: ReadonlySet<string> | null;
  /** Why the other block cannot be read, when it cannot. */
  unreadable?: string;
}

export interface OuterBinding {
  /** 1-based line in the whole file. */
  line: number;
  /**
   * The name stands for a host or shadows one: named like one (`wx`, `Taro`...), imported
   * from `@tarojs/taro`, or set from a host global (`const api = wx`).
   */
  hostLike: boolean;
  /** `import { startRecord } from '@tarojs/taro'`: the API it imports under this name. */
  taroApi?: string;
  /** `import Taro from '@tarojs/taro'` (or `* as Taro`): the Taro module itself, as good here as in its own block. */
  taroModule?: boolean;
}

export interface BlockSource {
  label: string;
  setup: boolean;
  /** The block's code, and the path whose extension picks its parser (null: a language the codemod cannot parse). */
  code: string;
  virtualPath: string | null;
  /** 1-based line of the code's first line in the whole file. */
  line: number;
}

/** What `block` sees of `other` (see OtherBlock). */
export function otherBlockAsSeenFrom(block: BlockSource, other: BlockSource): OtherBlock {
  const label = other.label;
  if (other.virtualPath === null) return { label, visible: null, mentioned: null, unreadable: 'a language the codemod cannot parse' };
  let program: any;
  try {
    program = parseAst(other.code, other.virtualPath).program;
  } catch {
    return { label, visible: null, mentioned: null, unreadable: 'it does not parse' };
  }
  const fileLine = (node: any) => other.line + (node.loc?.start.line ?? 1) - 1;
  const visible = new Map<string, OuterBinding>();
  const add = (id: any, binding: Omit<OuterBinding, 'line'>) => {
    if (!visible.has(id.name)) visible.set(id.name, { line: fileLine(id), ...binding });
  };
  // The plain block sees only the setup block's imports.
  const importsOnly = other.setup && !block.setup;
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type' || statement.importKind === 'typeof') continue;
      const fromTaro = statement.source.value === '@tarojs/taro';
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.importKind === 'type' || specifier.importKind === 'typeof') continue;
        const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.name ?? specifier.imported.value) : null;
        const taroApi = fromTaro && imported !== null && RECORDING_APIS.includes(imported) ? imported : undefined;
        const taroModule = fromTaro && specifier.type !== 'ImportSpecifier';
        add(specifier.local, { hostLike: fromTaro || namesAHost(specifier.local.name, null), ...(taroApi ? { taroApi } : {}), ...(taroModule ? { taroModule } : {}) });
      }
      continue;
    }
    if (importsOnly) continue;
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration || declaration.declare) continue;
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        for (const id of patternNames(declarator.id)) add(id, { hostLike: namesAHost(id.name, declarator) });
      }
    } else if (/^(FunctionDeclaration|ClassDeclaration|TSEnumDeclaration|TSModuleDeclaration)$/.test(declaration.type) && declaration.id?.type === 'Identifier') {
      add(declaration.id, { hostLike: namesAHost(declaration.id.name, null) });
    } else if (declaration.type === 'TSImportEqualsDeclaration' && !declaration.isExport && declaration.importKind !== 'type') {
      add(declaration.id, { hostLike: namesAHost(declaration.id.name, null) });
    }
  }
  return { label, visible, mentioned: identifierNames(program) };
}

/** The identifiers a declaration's pattern declares (`const { a, b: [c] } = ...`). */
function patternNames(pattern: any): any[] {
  if (!pattern) return [];
  switch (pattern.type) {
    case 'Identifier':
      return [pattern];
    case 'ObjectPattern':
      return pattern.properties.flatMap((p: any) => patternNames(p.type === 'RestElement' ? p.argument : p.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((e: any) => patternNames(e));
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    default:
      return [];
  }
}

function identifierNames(program: any): Set<string> {
  const names = new Set<string>();
  const visit = (node: any): void => {
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') names.add(node.name);
    forEachChild(node, visit);
  };
  visit(program);
  return names;
}
