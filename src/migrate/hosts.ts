import type { ASTPath } from 'jscodeshift';
import { NodeIndex } from './node-index';
import type { OtherBlock } from './sfc-other-block';

/**
 * Host API objects: the object a `startRecord` call hangs off. Only the real host counts,
 * so scope analysis decides, never the identifier's spelling (SPEC §3): a parameter named
 * `wx`, `var wx = swan` or `const { wx } = window` are not the global.
 */
export type Host =
  /** A mini-program global with WeChat's contract: `wx`, `qq`, `swan`. */
  | { kind: 'global'; name: string }
  /** The `@tarojs/taro` module under its local name (`Taro`, `T`, ...). */
  | { kind: 'taro'; name: string }
  /** `startRecord` imported or destructured from `@tarojs/taro`; `name` is its local name. */
  | { kind: 'taro-named'; name: string }
  /** A host global whose `startRecord` is not WeChat's (or does not exist). */
  | { kind: 'foreign'; name: string }
  /**
   * A host's name reached indirectly: as a property (`this.wx.startRecord()`, an injected
   * API object, a wrapper, the JS-SDK kept on a Vue instance) or under a type cast
   * (`(wx as any).startRecord`, `wx!`). Never rewritten, but reported, and the file's calls
   * on the host of that name stay with it.
   */
  | { kind: 'indirect'; name: string; through: string }
  /**
   * A local name that stands for a host, or shadows one (`var wx = swan`, `const api =
   * isWeapp ? wx : my`, `import { wx } from 'weapp-api'`): not the global, so never
   * rewritten, but reported, as a live-looking call is never skipped silently (SPEC §6).
   */
  | {
      kind: 'rebound';
      name: string;
      line: number;
      /**
       * The name comes from a Vue component's other script block (`line` is then a line of
       * the whole file), or might, when that block cannot be read (`line` is 0).
       */
      otherBlock?: { label: string; unreadable?: string; legacyApiFrom?: string };
    };

/** Globals with WeChat's `startRecord` contract and their own `getRecorderManager`. */
export const WECHAT_LIKE_GLOBALS: ReadonlySet<string> = new Set(['wx', 'qq', 'swan']);

/** Why calls on these hosts are never rewritten (SPEC §1, "Other hosts"), per API. */
export const FOREIGN_HOST_REASONS: Record<string, (api: string) => string> = {
  my: (api) => `Alipay's my.${api} is a different legacy API (maxDuration, apFilePath); not migrated`,
  tt: (api) => `Douyin (tt) has no ${api}: this call fails at run time today; move it to tt.getRecorderManager() by hand`,
  uni: (api) =>
    `uni.${api} is not part of uni-app's API: in WeChat builds it falls through to the deprecated wx.${api}, elsewhere it fails; move it to uni.getRecorderManager() by hand`,
};

const TARO_MODULE = '@tarojs/taro';

/** The local names under which this file binds the whole `@tarojs/taro` module. */
export function findTaroModuleNames(index: NodeIndex): Set<string> {
  const names = new Set<string>();
  for (const node of index.of('ImportDeclaration')) {
    if (node.source.value !== TARO_MODULE || node.importKind === 'type') continue;
    for (const s of node.specifiers ?? []) {
      if ((s.type === 'ImportDefaultSpecifier' || s.type === 'ImportNamespaceSpecifier') && s.local) names.add(String(s.local.name));
    }
  }
  for (const node of index.of('VariableDeclarator')) {
    if (node.id.type === 'Identifier' && node.init && isTaroRequire(node.init)) names.add(node.id.name);
  }
  return names;
}

/** `require('@tarojs/taro')` or `require('@tarojs/taro').default`. */
export function isTaroRequire(node: any): boolean {
  if (node.type === 'MemberExpression' && !node.computed && node.property.name === 'default') {
    return isTaroRequire(node.object);
  }
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    (node.arguments[0].type === 'StringLiteral' || node.arguments[0].type === 'Literal') &&
    node.arguments[0].value === TARO_MODULE
  );
}

/**
 * Resolves the object expression of `X.startRecord` at `path` to a host, or null when it is
 * anything else (a local, a parameter, `this`, a camera context, a plugin, ...).
 */
export function resolveHost(objectNode: any, path: ASTPath<any>, taroNames: Set<string>, index: NodeIndex, otherBlock?: OtherBlock): Host | null {
  if (!objectNode || objectNode.type !== 'Identifier') return null;
  const name: string = objectNode.name;
  const known = bindingFromIndex(index, name);
  if (known === 'none') return unboundHere(name, otherBlock);
  if (known !== 'unknown') {
    if (taroNames.has(name)) return { kind: 'taro', name };
    return reboundHost(name, known.loc?.start.line ?? 0, null);
  }
  const scope = path.scope?.lookup(name);
  if (scope === null || scope === undefined || isAmbientDeclaration(scope, name)) {
    const missed = bindingScopeAnalysisMisses(index, name, objectNode.start);
    return missed ? reboundHost(name, missed.id.loc?.start.line ?? 0, missed.declarator) : unboundHere(name, otherBlock);
  }
  if (scope.isGlobal && taroNames.has(name)) return { kind: 'taro', name };
  const binding: ASTPath<any> | undefined = (scope.getBindings()[name] ?? [])[0];
  return reboundHost(name, binding?.node.loc?.start.line ?? 0, binding?.parent?.node);
}

const FUNCTION_TYPES = ['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod'];

/**
 * Bindings ast-types' scope analysis does not see (found by review), around the offset
 * `at`: a TypeScript parameter property (`constructor(private wx: Api)`) in its
 * constructor, a class expression's own name (`const R = class wx {}`) in its body, a `var`
 * in a class static block in that block, a declaration in a catch clause with a pattern
 * parameter or in a do expression in its function. There the name is a local, never the
 * global.
 */
function bindingScopeAnalysisMisses(index: NodeIndex, name: string, at: number): { id: any; declarator: any } | null {
  const inside = (node: any) => node && node.start <= at && at < node.end;
  for (const property of index.of('TSParameterProperty')) {
    const id = property.parameter?.type === 'AssignmentPattern' ? property.parameter.left : property.parameter;
    if (id?.type !== 'Identifier' || id.name !== name) continue;
    const constructor = index.of('ClassMethod').find((method: any) => method.params.includes(property));
    if (inside(constructor)) return { id, declarator: null };
  }
  for (const expression of index.of('ClassExpression')) {
    if (expression.id?.name === name && inside(expression.body)) return { id: expression.id, declarator: null };
  }
  // ast-types scans neither the body of a catch clause whose parameter is a pattern nor a
  // do-expression's: a declaration there is missed in its whole function.
  const unscanned = [
    ...index.of('CatchClause').filter((clause: any) => clause.param && clause.param.type !== 'Identifier').map((clause: any) => clause.body),
    ...index.of('DoExpression').map((expression: any) => expression.body),
  ];
  for (const body of unscanned) {
    for (const declarator of index.of('VariableDeclarator')) {
      if (declarator.id.type !== 'Identifier' || declarator.id.name !== name || !(body.start <= declarator.start && declarator.end <= body.end)) continue;
      const around = index.of(...FUNCTION_TYPES).filter((fn: any) => fn.start <= body.start && body.end <= fn.end);
      const nearest = around.reduce((best: any, fn: any) => (!best || fn.end - fn.start < best.end - best.start ? fn : best), null);
      if (!nearest || inside(nearest)) return { id: declarator.id, declarator };
    }
  }
  for (const block of index.of('StaticBlock')) {
    if (!inside(block)) continue;
    for (const declarator of index.of('VariableDeclarator')) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && block.start <= declarator.start && declarator.end <= block.end) {
        return { id: declarator.id, declarator };
      }
    }
  }
  return null;
}

/**
 * A name no declaration of the parsed text binds. In a Vue component's block, the other
 * block may bind it (see sfc-other-block.ts): a name that stands for a host there is
 * reported as rebound, and when the other block cannot be read, any host name is.
 */
function unboundHere(name: string, otherBlock: OtherBlock | undefined): Host | null {
  if (otherBlock) {
    const label = otherBlock.label;
    if (otherBlock.visible === null) {
      return HOST_NAMES.has(name) ? { kind: 'rebound', name, line: 0, otherBlock: { label, unreadable: otherBlock.unreadable ?? 'it cannot be read' } } : null;
    }
    const outer = otherBlock.visible.get(name);
    // The module scope is one: the Taro module imported there is the Taro module here.
    if (outer?.taroModule) return { kind: 'taro', name };
    if (outer) return outer.hostLike ? { kind: 'rebound', name, line: outer.line, otherBlock: { label } } : null;
  }
  return unboundHost(name);
}

/** A name nothing binds: the global, if it is a host. */
function unboundHost(name: string): Host | null {
  if (WECHAT_LIKE_GLOBALS.has(name)) return { kind: 'global', name };
  if (name in FOREIGN_HOST_REASONS) return { kind: 'foreign', name };
  return null;
}

/**
 * What scope analysis would answer, where the file shows it without one. ast-types answers
 * its first question about a scope by walking all of it (the whole program, for a global
 * like `wx`), building a NodePath for every node: a tenth of a migration's time.
 * - Every identifier spelled `name` is the object or the property of a member expression
 *   (`wx.x`, `a.wx`): nothing in the file declares it (a declaration names it elsewhere),
 *   so it is unbound everywhere: 'none'.
 * - The only other one is the local of a value import among the program's statements:
 *   nothing can shadow it, so it is the binding everywhere, at the top level.
 * - Anything else: 'unknown', and the scope analysis decides.
 */
export function bindingFromIndex(index: NodeIndex, name: string): 'none' | 'unknown' | { loc?: { start: { line: number } } } {
  let verdicts = verdictsByIndex.get(index);
  if (!verdicts) verdictsByIndex.set(index, (verdicts = new Map()));
  let verdict = verdicts.get(name);
  if (verdict === undefined) verdicts.set(name, (verdict = bindingOf(index, name)));
  return verdict;
}

const verdictsByIndex = new WeakMap<NodeIndex, Map<string, ReturnType<typeof bindingFromIndex>>>();

function bindingOf(index: NodeIndex, name: string): ReturnType<typeof bindingFromIndex> {
  // Identifiers spelled `name` that are not a member's object or (non-computed) property.
  const others = index.of('Identifier').filter((node) => node.name === name);
  if (others.length === 0) return 'none';
  const inMembers = new Set<any>();
  for (const node of index.of('MemberExpression', 'OptionalMemberExpression')) {
    if (node.object.type === 'Identifier' && node.object.name === name) inMembers.add(node.object);
    if (!node.computed && node.property.type === 'Identifier' && node.property.name === name) inMembers.add(node.property);
  }
  const rest = others.filter((node) => !inMembers.has(node));
  if (rest.length === 0) return 'none';
  if (rest.length > 1) return 'unknown';
  // Only an import among the program's own statements: the parser also takes one nested
  // in a function or block (allowImportExportEverywhere), and there it is no module binding.
  const topLevel = new Set<any>(index.of('Program')[0]?.body ?? []);
  for (const declaration of index.of('ImportDeclaration')) {
    if (!topLevel.has(declaration)) continue;
    if (declaration.importKind === 'type' || declaration.importKind === 'typeof') continue;
    for (const specifier of declaration.specifiers ?? []) {
      if (specifier.local === rest[0] && specifier.importKind !== 'type' && specifier.importKind !== 'typeof') return rest[0];
    }
  }
  return 'unknown';
}

export const HOST_NAMES: ReadonlySet<string> = new Set([...WECHAT_LIKE_GLOBALS, 'my', 'tt', 'uni', 'Taro']);

/** A binding named like a host, or initialised from one: what the report calls `rebound`. */
function reboundHost(name: string, line: number, declarator: any): Host | null {
  return namesAHost(name, declarator) ? { kind: 'rebound', name, line } : null;
}

/** Whether a binding named `name` (declared by `declarator`, if a variable) stands for a host or shadows one. */
export function namesAHost(name: string, declarator: any): boolean {
  if (HOST_NAMES.has(name)) return true;
  const init = declarator?.type === 'VariableDeclarator' ? declarator.init : null;
  return Boolean(init && mentionsHostGlobal(init));
}

function mentionsHostGlobal(node: any): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'Identifier') return WECHAT_LIKE_GLOBALS.has(node.name);
  if (node.type === 'ConditionalExpression') return mentionsHostGlobal(node.consequent) || mentionsHostGlobal(node.alternate);
  if (node.type === 'LogicalExpression') return mentionsHostGlobal(node.left) || mentionsHostGlobal(node.right);
  return false;
}

/** `declare const wx: WechatMiniprogram.Wx` types the global; it does not replace it. */
function isAmbientDeclaration(scope: any, name: string): boolean {
  const bindings: ASTPath<any>[] = scope.getBindings()[name] ?? [];
  return (
    bindings.length > 0 &&
    bindings.every((b) => {
      const declaration = b.parent?.parent?.node;
      return declaration?.type === 'VariableDeclaration' && declaration.declare === true;
    })
  );
}

