import type { ASTPath } from 'jscodeshift';
import { walkNodes } from './ast-walk';
import { findUses, isConsoleArgument, usesArguments } from './callback-uses';
import { errorMessageUse } from './error-text';
import { resolveCallbackReference } from './callback-references';
import { NOTES } from './notes';

/**
 * Reads the options object of a `startRecord(...)` call and decides whether its callbacks
 * can move to `onStop`/`onError` unchanged. The old and new APIs hand callbacks different
 * objects (`{ errMsg: 'startRecord:ok', tempFilePath }` against `{ tempFilePath, duration,
 * fileSize }`; `startRecord:fail...` against `operateRecorder:fail...`), so a callback may
 * move only when what it reads from its argument is the same under both.
 */
export type CallbackKey = 'success' | 'fail' | 'complete';

export interface Callback {
  key: CallbackKey;
  /** The property (ObjectProperty or ObjectMethod) in the options object. */
  property: any;
  /** The function or reference node (for a method, the ObjectMethod itself). */
  value: any;
  form: 'arrow' | 'function' | 'method' | 'reference';
  /** For a reference: the function it names. */
  declared?: any;
  /**
   * The callback reads its result in ways the new result does not answer alike (`res.errMsg`
   * of a success, the whole object handed on, error texts shown): it is called with the
   * old result rebuilt from the new one (`{ errMsg: 'startRecord:ok', tempFilePath }`, the
   * error text with its old prefix), as the shim would call it.
   */
  adapt?: boolean;
}

/** A small text change inside a callback that keeps its meaning under the new API. */
export interface TextRewrite {
  start: number;
  end: number;
  text: string;
}

export interface StartOptions {
  /** The options object literal (at the call, or in the declaration right before it). */
  object: any | null;
  /** `const options = {...}` right before the call: it goes together with the call. */
  declaration: any | null;
  callbacks: Partial<Record<CallbackKey, Callback>>;
  /** Error-string literals and type names inside the callbacks, rewritten for the new API. */
  rewrites: TextRewrite[];
  /** Recording limit for `start({ duration })`, in milliseconds. */
  durationMs: number;
  notes: string[];
}

export type Analysis = { ok: true; options: StartOptions } | { ok: false; reason: string };

const CALLBACK_KEYS: readonly CallbackKey[] = ['success', 'fail', 'complete'];
/** `start()` options that startRecord ignored (code written from RecorderManager's docs passes them). */
const RECORDER_MANAGER_ONLY = new Set(['sampleRate', 'numberOfChannels', 'encodeBitRate', 'format', 'frameSize', 'audioSource']);

function rawSeconds(property: any): number {
  return Number(property.value?.value);
}
const OLD_HARD_LIMIT_MS = 60000;

export function analyzeStartOptions(call: ASTPath<any>, typescript: boolean): Analysis {
  const args = call.node.arguments;
  const empty = { object: null, declaration: null, callbacks: {}, rewrites: [], durationMs: OLD_HARD_LIMIT_MS, notes: [] };
  if (args.length === 0) return { ok: true, options: empty };
  if (args.length > 1) return { ok: false, reason: 'startRecord is called with more than one argument' };
  let object = args[0];
  // `{ ... } as any` (options written for another API's type): the object itself.
  while (object.type === 'TSAsExpression' || object.type === 'TSTypeAssertion' || object.type === 'TSSatisfiesExpression') object = object.expression;
  let declaration: any = null;
  if (object.type === 'Identifier') {
    const found = optionsDeclaredRightBefore(call, object.name);
    if ('reason' in found) return { ok: false, reason: found.reason };
    ({ object, declaration } = found);
  }
  if (object.type !== 'ObjectExpression') {
    return { ok: false, reason: 'the options are not an object literal written at the call (not converted yet)' };
  }

  const options: StartOptions = { ...empty, object, declaration, callbacks: {}, rewrites: [], notes: [] };
  for (const property of object.properties) {
    if (property.type === 'SpreadElement' || property.type === 'SpreadProperty') {
      return { ok: false, reason: 'the options object spreads another object (not converted yet)' };
    }
    const key = propertyKey(property);
    if (key === null) return { ok: false, reason: 'the options object has a computed key' };
    if (RECORDER_MANAGER_ONLY.has(key)) {
      // RecorderManager's options, which startRecord never read: the recording keeps its defaults.
      options.notes.push(NOTES.recorderOptionsIgnored(key));
      continue;
    }
    if (key === 'duration') {
      const duration = durationFromSeconds(property);
      if (duration !== null && rawSeconds(property) > 600) options.notes.push(NOTES.durationLooksLikeMilliseconds(rawSeconds(property)));
      if (duration === null) return { ok: false, reason: 'the duration option is not a number literal (not converted yet)' };
      options.durationMs = duration;
      options.notes.push(NOTES.durationWasAndroidOnly);
      continue;
    }
    if (!(CALLBACK_KEYS as readonly string[]).includes(key)) {
      return { ok: false, reason: `unknown option '${key}' in startRecord's options` };
    }
    const analysis = analyzeCallback(key as CallbackKey, property, call, typescript);
    if ('reason' in analysis) return { ok: false, reason: analysis.reason };
    options.callbacks[key as CallbackKey] = analysis.callback;
    options.notes.push(...analysis.notes);
    options.rewrites.push(...analysis.rewrites);
  }
  return { ok: true, options };
}

/**
 * `const options = { success, fail }` as the statement right before `startRecord(options)`,
 * used nowhere else: the pair is rewritten as one, as if the object were written inline.
 * Options built further away, shared, or changed after their creation are not followed.
 */
function optionsDeclaredRightBefore(call: ASTPath<any>, name: string): { object: any; declaration: any } | { reason: string } {
  const notFollowed = { reason: `the options object ${name} is not declared right before the call, or is used elsewhere (not converted yet)` };
  const statement = call.parent;
  const list = statement?.parent?.node;
  if (statement?.node.type !== 'ExpressionStatement' || !Array.isArray(list?.body)) return notFollowed;
  const index = list.body.indexOf(statement.node);
  const previous = list.body[index - 1];
  if (previous?.type !== 'VariableDeclaration' || previous.declarations.length !== 1) return notFollowed;
  const declarator = previous.declarations[0];
  if (declarator.id.type !== 'Identifier' || declarator.id.name !== name || declarator.init?.type !== 'ObjectExpression') return notFollowed;
  const scope = call.scope?.lookup(name);
  const bindings = scope?.getBindings()[name] ?? [];
  if (bindings.length !== 1 || countReferences(scope.node, name) !== 2) return notFollowed;
  return { object: declarator.init, declaration: previous };
}

/** Identifiers named `name` in a scope's node (declaration included), nested functions too. */
function countReferences(node: any, name: string): number {
  let count = 0;
  walkNodes(node, (n) => {
    if (n.type === 'Identifier' && n.name === name) count++;
  });
  return count;
}

function propertyKey(property: any): string | null {
  if (property.computed) return null;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'StringLiteral' || property.key.type === 'Literal') return String(property.key.value);
  return null;
}

/**
 * The undocumented Android `duration`, in seconds: values <= 0 meant 60, values over 600
 * meant 600 (SPEC §1). The new API takes milliseconds.
 */
function durationFromSeconds(property: any): number | null {
  const value = property.value;
  if (property.type !== 'ObjectProperty' && property.type !== 'Property') return null;
  let seconds: number | null = null;
  if (value.type === 'NumericLiteral' || (value.type === 'Literal' && typeof value.value === 'number')) seconds = value.value;
  if (seconds === null || !Number.isFinite(seconds)) return null;
  if (seconds <= 0) seconds = 60;
  if (seconds > 600) seconds = 600;
  return Math.round(seconds * 1000);
}

type CallbackAnalysis = { callback: Callback; notes: string[]; rewrites: TextRewrite[] } | { reason: string };

function analyzeCallback(key: CallbackKey, property: any, call: ASTPath<any>, typescript: boolean): CallbackAnalysis {
  if (property.type === 'ObjectMethod') {
    if (property.kind !== 'method') return { reason: `${key} is a getter or setter` };
    return analyzeFunction(key, property, property, 'method', typescript, delegateResolver(call, false));
  }
  const value = property.value;
  switch (value.type) {
    case 'ArrowFunctionExpression':
      return analyzeFunction(key, property, value, 'arrow', typescript, delegateResolver(call, true));
    case 'FunctionExpression':
      return analyzeFunction(key, property, value, 'function', typescript, delegateResolver(call, false));
    default:
      return analyzeReference(key, property, value, call, typescript);
  }
}

/**
 * A callback passed by name. The reference moves as written; the function it names is
 * checked like an inline one, but it cannot be edited (other code may call it), so it
 * must need no rewrite and carry no old-API types.
 */
function analyzeReference(key: CallbackKey, property: any, value: any, call: ASTPath<any>, typescript: boolean): CallbackAnalysis {
  const resolved = resolveCallbackReference(value, call);
  if (resolved === null) {
    return { reason: `the ${key} callback is an expression this tool cannot follow, so what it reads from its result cannot be checked (not converted yet)` };
  }
  if ('reason' in resolved) return { reason: `${resolved.reason}, so what it reads from its result cannot be checked (not converted yet)` };
  const fn = resolved.fn;
  const annotated = fn.params.some((p: any) => p.typeAnnotation);
  if (annotated) {
    return {
      reason: `the ${key} callback, passed by name, declares its parameter's type where it is defined: the manager's listener passes a result of another type, and the codemod does not edit a function that other code may call (not converted yet)`,
    };
  }
  const form: Callback['form'] = fn.type === 'ArrowFunctionExpression' ? 'arrow' : 'function';
  const analysis = analyzeFunction(key, property, fn, form, typescript);
  if ('reason' in analysis) return analysis;
  // A function named here cannot be edited (other code may call it): where its error-text
  // tests would need a rewrite, it is handed the old text instead.
  if (analysis.rewrites.length > 0) return { callback: { ...analysis.callback, value, form: 'reference', declared: fn, adapt: true }, notes: [NOTES.oldResultRebuilt(key)], rewrites: [] };
  // The reference moves as it is written.
  return { ...analysis, callback: { ...analysis.callback, value, form: 'reference', declared: fn } };
}

/**
 * Finds the function a callback hands its result to (`res => this.upload(res)`,
 * `function (res) { save(res) }`), so that what that function reads can be checked like
 * the callback itself (SPEC §6). `this.x` counts only from an arrow, whose `this` is the
 * method's around the call.
 */
type DelegateResolver = (callee: any) => any | null;

function delegateResolver(call: ASTPath<any>, arrow: boolean): DelegateResolver {
  return (callee) => {
    if (callee.type !== 'Identifier' && !(arrow && callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression')) return null;
    const resolved = resolveCallbackReference(callee, call);
    return resolved && 'fn' in resolved ? resolved.fn : null;
  };
}

function analyzeFunction(key: CallbackKey, property: any, fn: any, form: Callback['form'], typescript: boolean, delegate: DelegateResolver = () => null): CallbackAnalysis {
  if (fn.generator) return { reason: `the ${key} callback is a generator` };
  if (form !== 'arrow' && usesArguments(fn.body)) return { reason: `the ${key} callback reads \`arguments\`` };
  const callback: Callback = { key, property, value: fn, form };
  if (fn.params.length === 0) return { callback, notes: [], rewrites: [] };
  if (fn.params.length > 1) return { reason: `the ${key} callback takes more than one parameter` };
  const param = fn.params[0];
  const typeRewrite = retypeParameter(key, param);
  if (typeRewrite === null) {
    return { reason: `the ${key} callback's parameter has a type this tool does not know how to carry over (not converted yet)` };
  }
  if (param.type === 'ObjectPattern') {
    const destructured = analyzeDestructuredResult(key, param, callback);
    if (!('reason' in destructured) && destructured.callback.adapt) return destructured;
    return withRewrites(destructured, typeRewrite);
  }
  if (param.type !== 'Identifier') return { reason: `the ${key} callback's parameter is not a plain name` };
  if (key === 'complete' && typescript) {
    // complete is called from both listeners with two different result types.
    return { reason: 'the complete callback takes a parameter, which would need a type for both results (not converted yet)' };
  }
  const uses = analyzeResultUses(key, param.name, fn, callback, delegate);
  // An adapted callback is handed the old result: its old type names stay as they are.
  if (!('reason' in uses) && uses.callback.adapt) return uses;
  return withRewrites(uses, typeRewrite);
}

function withRewrites(analysis: CallbackAnalysis, extra: TextRewrite[]): CallbackAnalysis {
  return 'reason' in analysis ? analysis : { ...analysis, rewrites: [...analysis.rewrites, ...extra] };
}

/**
 * The old result types, and what the listener hands over instead. `any`/`unknown` and the
 * general error result types fit both APIs as they are. Returns the rewrites to make, or
 * null when the annotation is something else.
 */
function retypeParameter(key: CallbackKey, param: any): TextRewrite[] | null {
  const annotation = param.typeAnnotation?.typeAnnotation;
  if (!annotation || annotation.type === 'TSAnyKeyword' || annotation.type === 'TSUnknownKeyword') return [];
  if (annotation.type !== 'TSTypeReference') return null;
  const name = qualifiedName(annotation.typeName);
  if (name === null) return null;
  if (key === 'success') {
    if (name === 'WechatMiniprogram.StartRecordSuccessCallbackResult') {
      return [{ start: annotation.typeName.start, end: annotation.typeName.end, text: 'WechatMiniprogram.OnStopListenerResult' }];
    }
    const taro = /^([\w$]+)\.startRecord\.SuccessCallbackResult$/.exec(name);
    if (taro) return [{ start: annotation.typeName.start, end: annotation.typeName.end, text: `${taro[1]}.RecorderManager.OnStopCallbackResult` }];
    return null;
  }
  if (key === 'fail' && (name === 'WechatMiniprogram.GeneralCallbackResult' || name === 'TaroGeneral.CallbackResult')) return [];
  return null;
}

function qualifiedName(node: any): string | null {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'TSQualifiedName') {
    const left = qualifiedName(node.left);
    return left === null ? null : `${left}.${node.right.name}`;
  }
  return null;
}

/** `success({ tempFilePath })` reads the one field both APIs provide. */
function analyzeDestructuredResult(key: CallbackKey, pattern: any, callback: Callback): CallbackAnalysis {
  const fields = pattern.properties.map((p: any) => (p.type === 'RestElement' ? '...' : propertyKey(p)));
  if (key === 'success' && fields.every((f: string | null) => f === 'tempFilePath')) return { callback, notes: [], rewrites: [] };
  return { callback: { ...callback, adapt: true }, notes: [NOTES.oldResultRebuilt(key)], rewrites: [] };
}

/**
 * `this.upload(res)`: the function of this file it is handed to reads only what both APIs
 * give alike (`res.tempFilePath` from a success; logging). That function is not edited
 * (other code may call it), so it must need no rewrite.
 */
function readsOnlyTheSharedPath(key: CallbackKey, call: any, argument: any, delegate: DelegateResolver): boolean {
  const target = delegate(call.callee);
  const index = call.arguments.indexOf(argument);
  const param = target?.params?.[index];
  if (!target || param?.type !== 'Identifier' || param.typeAnnotation || target.generator) return false;
  return findUses(target.body, param.name).every((use) => {
    const parent = use.ancestors[0];
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) return key === 'success' && parent.property.name === 'tempFilePath';
    return isConsoleArgument(use.node, parent);
  });
}

/** What a callback does with its result argument, use by use. */
function analyzeResultUses(key: CallbackKey, name: string, fn: any, callback: Callback, delegate: DelegateResolver = () => null): CallbackAnalysis {
  const notes = new Set<string>();
  const rewrites: TextRewrite[] = [];
  // Uses that only the old result answers: the callback is then handed the old result.
  const adapted = (): CallbackAnalysis => ({ callback: { ...callback, adapt: true }, notes: [NOTES.oldResultRebuilt(key)], rewrites: [] });
  for (const use of findUses(fn.body, name)) {
    const parent = use.ancestors[0];
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
      const field = parent.property.name;
      if (key === 'success' && field === 'tempFilePath') continue;
      if (field === 'errMsg' && key === 'fail') {
        const verdict = errorMessageUse(parent, use.ancestors.slice(1));
        if ('reason' in verdict) return verdict.wording ? { reason: verdict.reason } : adapted();
        rewrites.push(...verdict.rewrites);
        if (verdict.note) notes.add(verdict.note);
        continue;
      }
      // `res.errMsg` of a success ('startRecord:ok'), or any other field: the old result.
      return adapted();
    }
    if (isConsoleArgument(use.node, parent)) {
      notes.add(key === 'success' ? NOTES.successResultLogged : NOTES.errorTextChanges);
      continue;
    }
    if (parent.type === 'CallExpression' && parent.callee !== use.node && readsOnlyTheSharedPath(key, parent, use.node, delegate)) continue;
    // Handed on as a whole: the receiver gets the old result, whatever it reads.
    return adapted();
  }
  return { callback, notes: [...notes], rewrites };
}

