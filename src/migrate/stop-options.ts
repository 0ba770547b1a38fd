import type { ASTPath } from 'jscodeshift';
import { findUses, isConsoleArgument, usesArguments } from './callback-uses';
import { walkNodes } from './ast-walk';
import { NOTES } from './notes';

/**
 * `stopRecord({ success, fail, complete })`. The old API answered `{ errMsg:
 * 'stopRecord:ok' }` to success and then complete, whether or not anything was recording
 * (the file path always went to startRecord's success), and a little later than the call
 * returned. The new `stop()` has no callbacks, so converted code calls them itself, from a
 * timer right after `stop()`, with that same answer: after the code that follows the call,
 * as before, and before the recording's own result arrives.
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
  if (callbacks.length === 0) return { ok: true, callbacks, notes: [...notes] };
  // The callbacks are called from a timer, as the old API answered after the call had
  // returned (and after the code that follows it); that needs the call as a statement.
  if (!statement) {
    return { ok: false, reason: "stopRecord with callbacks is used inside an expression (not converted yet)", readsPath: notes.has(NOTES.stopHasNoPath) };
  }
  return { ok: true, callbacks, notes: [...notes], inline: callbacks.length === 1 && canInline(callbacks[0]) };
}

/**
 * The one callback's body can be written out in the deferred call (`setTimeout(() => {
 * ... })`) rather than named and called: an arrow's `this` and `arguments` are the
 * function's around it either way; a `function` or method must not use its own.
 */
function canInline(cb: StopCallback): boolean {
  const fn = cb.value;
  if (fn.generator) return false;
  if (cb.form === 'arrow') return true;
  let own = false;
  walkNodes(fn.body, (node) => {
    if (own) return false;
    if (node !== fn.body && /Function|ObjectMethod|ClassMethod/.test(node.type) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments')) own = true;
    return !own;
  });
  return !own;
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
