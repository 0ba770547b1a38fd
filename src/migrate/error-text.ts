import { NOTES } from './notes';
import type { TextRewrite } from './start-options';
import { isConsoleArgument } from './callback-uses';

/**
 * The old and new error texts differ by their prefix (`startRecord:fail` against
 * `operateRecorder:fail`) and, for some errors, by their wording. Tests on the text keep
 * their result when they look for a part both wordings share, or for the old prefix, which
 * is rewritten to the new one. Anything else would silently change a branch.
 */
/**
 * Texts both APIs' messages contain for the same failure. The old API spelled a refusal
 * `auth deny` (Android) or `auth denied` (iOS); the new one says `auth deny`: a test for
 * `auth deny` keeps its answer, a test for `auth denied` does not.
 */
const SHARED_PHRASES = ['auth deny', "audio is recording, don't start record again"];
const FAIL_ONLY = /^:?fail:?$/;

function isSharedText(text: string): boolean {
  return (
    FAIL_ONLY.test(text) ||
    /^startRecord:(fail)?$/.test(text) ||
    (text.length >= 4 && SHARED_PHRASES.some((phrase) => phrase.includes(text)))
  );
}
const EXACT_ERRORS: Record<string, string> = {
  "startRecord:fail:audio is recording, don't start record again": "operateRecorder:fail:audio is recording, don't start record again",
  'startRecord:fail auth deny': 'operateRecorder:fail auth deny',
};
const STRING_TESTS = new Set(['indexOf', 'includes', 'startsWith', 'lastIndexOf', 'search', 'match']);
const DISPLAY_CALLS = /^(showToast|showModal|showLoading|setData|setState)$/;

/**
 * `wording`: the callback tests the text for a wording of its own (a phrase, a regular
 * expression, a message with no known counterpart). Handing it the old prefix does not
 * make such a test answer as before, so the site goes to the shim with a note. Other uses
 * (showing, building a message, handing the object on) can be handed the old text.
 */
type ErrorUse = { rewrites: TextRewrite[]; note?: string } | { reason: string; wording: boolean };

export function errorMessageUse(member: any, ancestors: any[]): ErrorUse {
  const [parent, grandparent] = ancestors;
  const cannot = (what: string, wording = true): ErrorUse => ({
    reason: `the fail callback ${what}; the error texts change from 'startRecord:fail...' to 'operateRecorder:fail...' (not converted yet)`,
    wording,
  });
  // err.errMsg.indexOf('auth deny') and the like
  if (parent?.type === 'MemberExpression' && parent.object === member && !parent.computed && STRING_TESTS.has(parent.property.name)) {
    if (grandparent?.type !== 'CallExpression' || grandparent.callee !== parent) return cannot(`uses errMsg.${parent.property.name}`, false);
    return substringTest(grandparent.arguments[0], cannot);
  }
  // /auth deny/.test(err.errMsg)
  if (parent?.type === 'CallExpression' && parent.arguments[0] === member && parent.callee.type === 'MemberExpression' &&
      parent.callee.property.name === 'test' && parent.callee.object.type === 'RegExpLiteral') {
    return substringTest(parent.callee.object, cannot);
  }
  // err.errMsg === 'startRecord:fail auth deny'
  if (parent?.type === 'BinaryExpression' && ['===', '!==', '==', '!='].includes(parent.operator)) {
    const other = parent.left === member ? parent.right : parent.left;
    if (other.type !== 'StringLiteral') return cannot('compares errMsg with a value that is not a string literal');
    const mapped = EXACT_ERRORS[other.value];
    if (!mapped) return cannot(`compares errMsg with '${other.value}', which has no known counterpart`);
    return { rewrites: [literalRewrite(other, mapped)] };
  }
  if (isConsoleArgument(member, parent)) return { rewrites: [], note: NOTES.errorTextChanges };
  // Shown to the user: the text changes, the behaviour does not.
  if (parent?.type === 'ObjectProperty' && parent.value === member && isDisplayCall(ancestors[1], ancestors[2])) {
    return { rewrites: [], note: NOTES.errorTextChanges };
  }
  return cannot('uses errMsg in a way this tool cannot check', false);
}

function substringTest(argument: any, cannot: (what: string) => ErrorUse): ErrorUse {
  if (argument?.type === 'StringLiteral') {
    const text: string = argument.value;
    const renamed = text.replace(/startRecord/g, 'operateRecorder');
    if (!isSharedText(text)) return cannot(`looks for '${text}' in errMsg, which the new API words differently`);
    return { rewrites: renamed === text ? [] : [literalRewrite(argument, renamed)] };
  }
  if (argument?.type === 'RegExpLiteral') {
    const pattern: string = argument.pattern;
    // Only patterns that are plain text (or the anchored old prefix) can be judged.
    const plain = /^[\w :',]+$/.test(pattern) && !argument.flags.includes('i');
    const shared = (plain && isSharedText(pattern)) || pattern === '^startRecord:fail';
    if (!shared) return cannot(`matches errMsg against /${pattern}/, which the new API may word differently`);
    if (!pattern.includes('startRecord')) return { rewrites: [] };
    return { rewrites: [{ start: argument.start, end: argument.end, text: `/${pattern.replace(/startRecord/g, 'operateRecorder')}/${argument.flags}` }] };
  }
  return cannot('looks for a computed value in errMsg');
}

/** The literal with new content, in its own quote style. */
function literalRewrite(literal: any, value: string): TextRewrite {
  const quote = (literal.extra?.raw ?? "'")[0] === '"' ? '"' : "'";
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return { start: literal.start, end: literal.end, text: `${quote}${escaped}${quote}` };
}

/** `{ title: err.errMsg }` passed straight to showToast/showModal/setData/setState. */
function isDisplayCall(objectExpression: any, call: any): boolean {
  if (objectExpression?.type !== 'ObjectExpression' || call?.type !== 'CallExpression') return false;
  if (!call.arguments.includes(objectExpression)) return false;
  const callee = call.callee;
  const name = callee.type === 'MemberExpression' && !callee.computed ? callee.property.name : callee.type === 'Identifier' ? callee.name : '';
  return DISPLAY_CALLS.test(name);
}

