import { parseAst } from './parse';
import { isTaroRequire, namesAHost } from './hosts';
import { findJsSdkEvidence } from './jssdk';
import { forEachPatternIdentifier } from './ast-walk';
import { forEachChild, NodeIndex } from './node-index';
import { RECORDING_APIS } from './api-names';

/**
 * What one script block of a Vue component shares with the rest of the component. Vue
 * compiles `<script>` and `<script setup>` into one module: the setup block sees every
 * top-level name of the plain block, and the plain block sees the setup block's imports
 * (hoisted to the module), not its other declarations (they live inside `setup()`). The
 * template reads the script's names.
 *
 * The migration reads one block at a time. Without this, a block would take a name bound
 * in the other one for the global (`import wx from 'weapp-api'` there, `wx.startRecord()`
 * here: rewritten as the global), or for nothing (`import Taro from '@tarojs/taro'` there:
 * `Taro.startRecord()` here skipped silently), could drop an import the other block or
 * the template still uses, declare a name the module already has, or take a JS-SDK page
 * (`wx.config` in the other block) for a mini-program one.
 */
export interface RestOfComponent {
  /** The component's other script block, when it has one with code of its own. */
  otherBlock: OtherBlock | null;
  /**
   * Names the rest of the component reads or declares (the other block's, the template's
   * words), or null when that is not known (an other block that cannot be read). A binding
   * of this block with such a name stays, and no new name may take one.
   */
  mentioned: ReadonlySet<string> | null;
  /** A strong sign in the other block that the component is JS-SDK code (SPEC §3), for the report. */
  jsSdkSign: string | null;
  /** The other block records already, with the manager (`getRecorderManager`) or the shim. */
  otherRecords: boolean;
}

/** Whether the rest of a component may read or declare `name` (an unreadable other block may, any). */
export function restMayUse(rest: RestOfComponent | undefined, name: string): boolean {
  return rest !== undefined && (rest.mentioned === null || rest.mentioned.has(name));
}

export interface OtherBlock {
  /** `<script setup lang="ts">`, as a reader would recognise the block. */
  label: string;
  /** The other block's bindings this block sees, by name; null when the block cannot be read. */
  visible: ReadonlyMap<string, OuterBinding> | null;
  /** Why the other block cannot be read, when it cannot. */
  unreadable?: string;
}

export interface OuterBinding {
  /** 1-based line in the whole file. */
  line: number;
  /**
   * The name stands for a host or shadows one: named like one (`wx`, `Taro`...), from
   * `@tarojs/taro`, or set from a host global (`const api = wx`).
   */
  hostLike: boolean;
  /** `import { startRecord } from '@tarojs/taro'`, `const { stopRecord } = wx`: the recording API it stands for, and whose. */
  legacyApi?: { api: string; from: string };
  /** `import Taro from '@tarojs/taro'` (or `* as`, or `require`): the Taro module itself, as good here as in its own block. */
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

/**
 * What `block` shares with the rest of its component: the `other` script block (if any)
 * and the template's text (null when the template cannot read this block's names: a
 * plain `<script>` alone exposes only what its options return).
 */
export function restOfComponent(block: BlockSource, other: BlockSource | null, template: string | null): RestOfComponent {
  const templateWords = new Set(template?.match(/[A-Za-z_$][\w$]*/g) ?? []);
  if (!other) return { otherBlock: null, mentioned: templateWords, jsSdkSign: null, otherRecords: false };
  const label = other.label;
  const unreadable = (why: string): RestOfComponent => ({ otherBlock: { label, visible: null, unreadable: why }, mentioned: null, jsSdkSign: null, otherRecords: false });
  if (other.virtualPath === null) return unreadable('a language the codemod cannot parse');
  let ast: any;
  try {
    ast = parseAst(other.code, other.virtualPath);
  } catch {
    return unreadable('it does not parse');
  }
  const index = new NodeIndex(ast);
  const fileLine = (node: any) => other.line + (node.loc?.start.line ?? 1) - 1;
  const evidence = findJsSdkEvidence(index);
  const jsSdkSign = evidence ? `${evidence.sign.replace(/ found at line \d+$/, '')} in this component's other script block, ${label} (on line ${other.line + evidence.line - 1} of the file)` : null;
  return {
    otherBlock: { label, visible: visibleBindings(ast.program, other.setup && !block.setup, fileLine) },
    mentioned: new Set([...referencedNames(index), ...templateWords]),
    jsSdkSign,
    otherRecords: recordsWithoutTheOldApi(index),
  };
}

/** `x.getRecorderManager(...)`, or the shim imported or required (the package, or the file the codemod writes). */
function recordsWithoutTheOldApi(index: NodeIndex): boolean {
  const isShim = (value: unknown) => typeof value === 'string' && /(^|\/)startrecord-(shim|codemod-shim)(\.[jt]s)?$|^startrecord-codemod\/shim$/.test(value);
  return (
    index.of('MemberExpression', 'OptionalMemberExpression').some((node) => !node.computed && node.property.name === 'getRecorderManager') ||
    index.of('ImportDeclaration').some((node) => isShim(node.source.value)) ||
    index.of('CallExpression').some((node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && isShim(node.arguments[0]?.value))
  );
}

const HOST_OBJECTS = new Set(['wx', 'qq', 'swan', 'Taro']);

/** The top-level bindings of `program`; `importsOnly` for the setup block seen from the plain one. */
function visibleBindings(program: any, importsOnly: boolean, fileLine: (node: any) => number): Map<string, OuterBinding> {
  const visible = new Map<string, OuterBinding>();
  const add = (id: any, binding: Omit<OuterBinding, 'line'>) => {
    if (!visible.has(id.name)) visible.set(id.name, { line: fileLine(id), ...binding });
  };
  const taroModules = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type' || statement.importKind === 'typeof') continue;
      const fromTaro = statement.source.value === '@tarojs/taro';
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.importKind === 'type' || specifier.importKind === 'typeof') continue;
        const imported = specifier.type === 'ImportSpecifier' ? (specifier.imported.name ?? specifier.imported.value) : null;
        const legacyApi = fromTaro && imported !== null && RECORDING_APIS.includes(imported) ? { api: imported, from: '@tarojs/taro' } : undefined;
        const taroModule = fromTaro && specifier.type !== 'ImportSpecifier';
        if (taroModule) taroModules.add(specifier.local.name);
        add(specifier.local, { hostLike: fromTaro || namesAHost(specifier.local.name, null), ...(legacyApi ? { legacyApi } : {}), ...(taroModule ? { taroModule } : {}) });
      }
      continue;
    }
    if (importsOnly) continue;
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration || declaration.declare) continue;
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier' && declarator.init && isTaroRequire(declarator.init)) {
          taroModules.add(declarator.id.name);
          add(declarator.id, { hostLike: true, taroModule: true });
          continue;
        }
        // `const { startRecord, stopRecord: stop } = Taro` (or `= wx`).
        const from = declarator.init?.type === 'Identifier' && (HOST_OBJECTS.has(declarator.init.name) || taroModules.has(declarator.init.name)) ? declarator.init.name : null;
        if (from && declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            const key = property.type === 'ObjectProperty' && !property.computed ? (property.key.name ?? property.key.value) : null;
            const host = taroModules.has(from) ? '@tarojs/taro' : from;
            if (key && RECORDING_APIS.includes(key) && property.value.type === 'Identifier') add(property.value, { hostLike: true, legacyApi: { api: key, from: host } });
          }
        }
        forEachPatternIdentifier(declarator.id, (id) => add(id, { hostLike: namesAHost(id.name, declarator) }));
      }
    } else if (/^(FunctionDeclaration|ClassDeclaration|TSEnumDeclaration|TSModuleDeclaration)$/.test(declaration.type) && declaration.id?.type === 'Identifier') {
      add(declaration.id, { hostLike: namesAHost(declaration.id.name, null) });
    } else if (declaration.type === 'TSImportEqualsDeclaration' && declaration.importKind !== 'type') {
      add(declaration.id, { hostLike: namesAHost(declaration.id.name, null) });
    }
  }
  return visible;
}

/**
 * The names the block reads or declares: every identifier but a member's property
 * (`wx.startRecord`) and a plain key (`{ startRecord: 1 }`), which name no variable.
 */
function referencedNames(index: NodeIndex): Set<string> {
  const names = new Set<string>();
  const visit = (node: any, parent: any): void => {
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') {
      const isProperty = (parent?.type === 'MemberExpression' || parent?.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed;
      const isKey = parent?.key === node && !parent.computed && !parent.shorthand;
      if (!isProperty && !isKey) names.add(node.name);
    }
    forEachChild(node, (child) => visit(child, node));
  };
  for (const program of index.of('Program')) visit(program, null);
  return names;
}
