import type { ASTPath } from 'jscodeshift';
import { findUses, isConsoleArgument, usesArguments } from './callback-uses';
import { walkNodes } from './ast-walk';
import { NOTES } from './notes';

/**
 * `stopRecord({ success, fail, complete })`. The old API answered `{ errMsg:
 * 'stopRecord:ok' }` to success and then complete, whether or not anything was recording
 * (the file path always went to startRecord's success), and a little later than the call
 * returned. The new `stop()` has no callbacks, so converted code calls them itself, right
 * after `stop()`, with that same answer. Calling them at once instead of later is only the
 * same when nothing in the function runs after the call, so that is required.
 */
export interface StopCallback {
  key: 'success' | 'complete';
  property: any;
  value: any;
  form: 'arrow' | 'function' | 'method';
}

export type StopAnalysis =
  /**
   * `inline`: the one callback's body can stand right after `stop()` in the function
   * (nothing in it depends on being a function of its own), which reads best.
   */
  | { ok: true; callbacks: StopCallback[]; notes: string[]; inline?: boolean }
  /** `readsPath`: a callback reads `res.tempFilePath`, which was never there (noted wherever the site goes). */
  | { ok: false; reason: string; readsPath?: boolean };

export function analyzeStopOptions(call: ASTPath<any>, statement: ASTPath<any> | null): StopAnalysis {
  const args = call.node.arguments;
  if (args.length === 0) return { ok: true, callbacks: [], notes: [] };
  const object = args[0];
  if (args.length > 1 || object.type !== 'ObjectExpression') {
    return { ok: false, reason: 'stopRecord is called with options that are not an object literal written at the call (not converted yet)' };
  }
  const callbacks: StopCallback[] = [];
  const notes = new Set<string>();
  for (const property of object.properties) {
    const key = property.type === 'ObjectProperty' || property.type === 'ObjectMethod' ? keyOf(property) : null;
    if (key === null) return { ok: false, reason: 'stopRecord\'s options have a spread or a computed key (not converted yet)' };
    const fn = property.type === 'ObjectMethod' ? property : property.value;
    const form = property.type === 'ObjectMethod' ? 'method' : fn.type === 'ArrowFunctionExpression' ? 'arrow' : fn.type === 'FunctionExpression' ? 'function' : null;
    if (form === null || (property.type === 'ObjectMethod' && property.kind !== 'method')) {
      return { ok: false, reason: `stopRecord's ${key} is not a function written at the call (not converted yet)` };
    }
    if (key === 'fail') {
      // stopRecord answered `stopRecord:ok` even with nothing recording (SPEC §1): its fail
      // never ran, and stop() has no failure callback. The code goes, and the report says so.
      const empty = fn.params.length === 0 && fn.body.type === 'BlockStatement' && fn.body.body.length === 0;
      if (!empty) notes.add(NOTES.stopFailNeverRan);
      continue;
    }
    if (key !== 'success' && key !== 'complete') return { ok: false, reason: `unknown option '${key}' in stopRecord's options` };
    const uses = checkAnswerUses(key, fn, form);
    if ('reason' in uses) return { ok: false, reason: uses.reason };
    uses.notes.forEach((n) => notes.add(n));
    callbacks.push({ key, property, value: fn, form });
  }
  if (callbacks.length === 0) return { ok: true, callbacks, notes: [] };
  if (!statement || !isLastInItsFunction(statement)) {
    return {
      ok: false,
      reason: "stopRecord's callbacks ran after the code that follows the call; converted they would run before it (not converted yet)",
      readsPath: notes.has(NOTES.stopHasNoPath),
    };
  }
  return { ok: true, callbacks, notes: [...notes], inline: callbacks.length === 1 && canInline(callbacks[0], statement) };
}

/**
 * A callback's body can be written in place, after `stop()`, when that changes nothing:
 * no `this`/`arguments` of its own (an arrow's are the function's already), no `return`
 * (it would return from the function), no `await`/`yield`, and none of its names (its
 * parameter, its declarations) is used elsewhere in the function, so nothing is shadowed
 * or declared twice. With two callbacks (`complete` must survive a throw) they stay named.
 */
function canInline(cb: StopCallback, statement: ASTPath<any>): boolean {
  const fn = cb.value;
  if (fn.async || fn.generator) return false;
  let blocked = false;
  walkNodes(fn.body, (node) => {
    if (blocked) return false;
    if (node !== fn.body && /Function|ObjectMethod|ClassMethod/.test(node.type) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type === 'ReturnStatement' || node.type === 'AwaitExpression' || node.type === 'YieldExpression') blocked = true;
    if (cb.form !== 'arrow' && (node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments'))) blocked = true;
    return !blocked;
  });
  if (blocked) return false;
  const names = new Set<string>(fn.params.map((p: any) => p.name));
  if (fn.body.type === 'BlockStatement') {
    for (const stmt of fn.body.body) {
      if (stmt.type === 'VariableDeclaration') for (const d of stmt.declarations) collectPatternNames(d.id, names);
      if ((stmt.type === 'FunctionDeclaration' || stmt.type === 'ClassDeclaration') && stmt.id) names.add(stmt.id.name);
    }
  }
  const enclosing = statement.parent?.parent?.node;
  let clash = false;
  walkNodes(enclosing, (node) => {
    if (clash || node === fn) return false;
    if (node.type === 'Identifier' && names.has(node.name)) clash = true;
    return !clash;
  });
  return !clash;
}

function collectPatternNames(pattern: any, into: Set<string>): void {
  walkNodes(pattern, (node) => {
    if (node.type === 'Identifier') into.add(node.name);
  });
}

function keyOf(property: any): string | null {
  if (property.computed) return null;
  if (property.key.type === 'Identifier') return property.key.name;
  if (property.key.type === 'StringLiteral') return property.key.value;
  return null;
}

/** The answer is `{ errMsg: 'stopRecord:ok' }` either way; reading `tempFilePath` was always undefined. */
function checkAnswerUses(key: string, fn: any, form: string): { notes: string[] } | { reason: string } {
  // An async (or generator) callback is called and its result ignored, as the old API did.
  if (form !== 'arrow' && usesArguments(fn.body)) return { reason: `stopRecord's ${key} reads \`arguments\`` };
  if (fn.params.length === 0) return { notes: [] };
  const param = fn.params[0];
  // A typed parameter keeps its type: the answer `{ errMsg }` fits the hosts' result types.
  if (fn.params.length > 1 || param.type !== 'Identifier') {
    return { reason: `stopRecord's ${key} has a parameter this tool does not carry over (not converted yet)` };
  }
  const notes: string[] = [];
  for (const use of findUses(fn.body, param.name)) {
    const parent = use.ancestors[0];
    if (parent.type === 'MemberExpression' && parent.object === use.node && !parent.computed) {
      if (parent.property.name === 'errMsg') continue;
      if (parent.property.name === 'tempFilePath') {
        notes.push(NOTES.stopHasNoPath);
        continue;
      }
    }
    if (isConsoleArgument(use.node, parent)) continue;
    return { reason: `stopRecord's ${key} uses its result in a way this tool cannot check (not converted yet)` };
  }
  return { notes };
}

/** The statement is the last thing its function does (directly in the function's body). */
function isLastInItsFunction(statement: ASTPath<any>): boolean {
  const block = statement.parent;
  if (block?.node.type !== 'BlockStatement') return false;
  const body: any[] = block.node.body;
  if (body[body.length - 1] !== statement.node) return false;
  return /Function|ObjectMethod|ClassMethod/.test(block.parent?.node.type ?? '');
}
