import type { ASTPath } from 'jscodeshift';
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
}

export interface StartOptions {
  callbacks: Partial<Record<CallbackKey, Callback>>;
  /** Recording limit for `start({ duration })`, in milliseconds. */
  durationMs: number;
  notes: string[];
}

export type Analysis = { ok: true; options: StartOptions } | { ok: false; reason: string };

const CALLBACK_KEYS: readonly CallbackKey[] = ['success', 'fail', 'complete'];
const OLD_HARD_LIMIT_MS = 60000;

export function analyzeStartOptions(call: ASTPath<any>, typescript: boolean): Analysis {
  const args = call.node.arguments;
  if (args.length === 0) return { ok: true, options: { callbacks: {}, durationMs: OLD_HARD_LIMIT_MS, notes: [] } };
  if (args.length > 1) return { ok: false, reason: 'startRecord is called with more than one argument' };
  const object = args[0];
  if (object.type !== 'ObjectExpression') {
    return { ok: false, reason: 'the options are not an object literal written at the call (not converted yet)' };
  }

  const options: StartOptions = { callbacks: {}, durationMs: OLD_HARD_LIMIT_MS, notes: [] };
  for (const property of object.properties) {
    if (property.type === 'SpreadElement' || property.type === 'SpreadProperty') {
      return { ok: false, reason: 'the options object spreads another object (not converted yet)' };
    }
    const key = propertyKey(property);
    if (key === null) return { ok: false, reason: 'the options object has a computed key' };
    if (key === 'duration') {
      const duration = durationFromSeconds(property);
      if (duration === null) return { ok: false, reason: 'the duration option is not a number literal (not converted yet)' };
      options.durationMs = duration;
      options.notes.push(NOTES.durationWasAndroidOnly);
      continue;
    }
    if (!(CALLBACK_KEYS as readonly string[]).includes(key)) {
      return { ok: false, reason: `unknown option '${key}' in startRecord's options` };
    }
    const analysis = analyzeCallback(key as CallbackKey, property, typescript);
    if ('reason' in analysis) return { ok: false, reason: analysis.reason };
    options.callbacks[key as CallbackKey] = analysis.callback;
    options.notes.push(...analysis.notes);
  }
  return { ok: true, options };
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

type CallbackAnalysis = { callback: Callback; notes: string[] } | { reason: string };

function analyzeCallback(key: CallbackKey, property: any, typescript: boolean): CallbackAnalysis {
  if (property.type === 'ObjectMethod') {
    if (property.kind !== 'method') return { reason: `${key} is a getter or setter` };
    return analyzeFunction(key, property, property, 'method', typescript);
  }
  const value = property.value;
  switch (value.type) {
    case 'ArrowFunctionExpression':
      return analyzeFunction(key, property, value, 'arrow', typescript);
    case 'FunctionExpression':
      return analyzeFunction(key, property, value, 'function', typescript);
    default:
      // A named function defined elsewhere: what it reads from its argument cannot be
      // checked here, and the argument's shape changes (SPEC §4).
      return { reason: `the ${key} callback is not written inline, so what it reads from its result cannot be checked (not converted yet)` };
  }
}

function analyzeFunction(key: CallbackKey, property: any, fn: any, form: Callback['form'], typescript: boolean): CallbackAnalysis {
  if (fn.generator) return { reason: `the ${key} callback is a generator` };
  if (form !== 'arrow' && usesArguments(fn.body)) return { reason: `the ${key} callback reads \`arguments\`` };
  const callback: Callback = { key, property, value: fn, form };
  if (fn.params.length === 0) return { callback, notes: [] };
  if (fn.params.length > 1) return { reason: `the ${key} callback takes more than one parameter` };
  const param = fn.params[0];
  const annotation = param.typeAnnotation?.typeAnnotation?.type;
  if (annotation && annotation !== 'TSAnyKeyword' && annotation !== 'TSUnknownKeyword') {
    return { reason: `the ${key} callback's parameter has a type annotation for the old API (not converted yet)` };
  }
  if (param.type === 'ObjectPattern') return analyzeDestructuredResult(key, param, callback);
  if (param.type !== 'Identifier') return { reason: `the ${key} callback's parameter is not a plain name` };
  if (key === 'complete' && typescript) {
    // complete is called from both listeners with two different result types.
    return { reason: 'the complete callback takes a parameter, which would need a type for both results (not converted yet)' };
  }
  return analyzeResultUses(key, param.name, fn, callback);
}

/** `success({ tempFilePath })` reads the one field both APIs provide. */
function analyzeDestructuredResult(key: CallbackKey, pattern: any, callback: Callback): CallbackAnalysis {
  const fields = pattern.properties.map((p: any) => (p.type === 'RestElement' ? '...' : propertyKey(p)));
  if (key === 'success' && fields.every((f: string | null) => f === 'tempFilePath')) return { callback, notes: [] };
  return { reason: `the ${key} callback destructures ${fields.join(', ')} from its result, which differs in the new API` };
}

/** What a callback does with its result argument, use by use. */
function analyzeResultUses(key: CallbackKey, name: string, fn: any, callback: Callback): CallbackAnalysis {
  const notes = new Set<string>();
  for (const use of findUses(fn.body, name)) {
    const parent = use.parent;
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
      const field = parent.property.name;
      if (key === 'success' && field === 'tempFilePath') continue;
      if (field === 'errMsg') {
        return {
          reason:
            key === 'success'
              ? "the success callback reads res.errMsg, which was 'startRecord:ok' and does not exist in onStop's result (not converted yet)"
              : `the ${key} callback reads errMsg, whose text changes from 'startRecord:fail...' to 'operateRecorder:fail...' (not converted yet)`,
        };
      }
      return { reason: `the ${key} callback reads ${name}.${field}, which differs in the new API` };
    }
    if (isConsoleArgument(use)) {
      notes.add(key === 'success' ? NOTES.successResultLogged : NOTES.errorTextChanges);
      continue;
    }
    return { reason: `the ${key} callback passes its result on as a whole, and the result's shape differs in the new API (not converted yet)` };
  }
  return { callback, notes: [...notes] };
}

interface Use {
  node: any;
  parent: any;
  grandparent: any;
}

/**
 * References to `name` inside `body` that mean the callback's parameter: a nested function
 * that declares its own `name` (parameter or variable) hides it.
 */
function findUses(body: any, name: string): Use[] {
  const uses: Use[] = [];
  const walk = (node: any, parent: any, grandparent: any, hidden: boolean) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier' && node.name === name && !hidden && isReference(node, parent)) {
      uses.push({ node, parent, grandparent });
      return;
    }
    const isFunction = /Function|ObjectMethod|ClassMethod/.test(node.type) && node !== body;
    const hides = hidden || (isFunction && declaresName(node, name));
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'comments' || key.endsWith('Comments')) continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => walk(c, node, parent, hides));
      else if (child && typeof child.type === 'string') walk(child, node, parent, hides);
    }
  };
  walk(body, null, null, false);
  return uses;
}

function isReference(node: any, parent: any): boolean {
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed) {
    return parent.shorthand === true;
  }
  if (parent.type === 'ObjectMethod' && parent.key === node) return false;
  return true;
}

function declaresName(fn: any, name: string): boolean {
  const text = JSON.stringify(fn.params, (k, v) => (k === 'loc' ? undefined : v));
  if (text.includes(`"name":"${name}"`)) return true;
  return findDeclarations(fn.body, name);
}

function findDeclarations(node: any, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'VariableDeclarator' && JSON.stringify(node.id, (k, v) => (k === 'loc' ? undefined : v)).includes(`"name":"${name}"`)) return true;
  if (node.type === 'FunctionDeclaration' && node.id?.name === name) return true;
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      if (child.some((c) => findDeclarations(c, name))) return true;
    } else if (child && typeof child === 'object' && typeof child.type === 'string' && findDeclarations(child, name)) {
      return true;
    }
  }
  return false;
}

function isConsoleArgument(use: Use): boolean {
  const call = use.parent;
  return (
    call.type === 'CallExpression' &&
    call.arguments.includes(use.node) &&
    call.callee.type === 'MemberExpression' &&
    call.callee.object.type === 'Identifier' &&
    call.callee.object.name === 'console'
  );
}

/** `arguments` inside a non-arrow function (nested non-arrow functions have their own). */
function usesArguments(body: any): boolean {
  let found = false;
  const walk = (node: any) => {
    if (found || !node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier' && node.name === 'arguments') found = true;
    if ((node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration' || node.type === 'ObjectMethod' || node.type === 'ClassMethod') && node !== body) return;
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(walk);
      else if (child && typeof child.type === 'string') walk(child);
    }
  };
  walk(body);
  return found;
}
