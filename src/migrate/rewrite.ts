import { Edit, Render } from './edits';
import { guardedCallbackText, idleStopGuard } from './idle-stop-guard';
import { Callback, CallbackKey, StartOptions } from './start-options';
import { StopCallback } from './stop-options';
import { FileStyle } from './style';
import { hasMultilineLiteral, lineIndent, NameAllocator, reindent, startsItsLine } from './text';

/**
 * Writes the new code for converted sites (SPEC §4's canonical shape), in the file's style.
 * Deciding WHETHER a site converts happens elsewhere; this module only writes.
 */
export interface ManagerRef {
  /** The expression that reaches the manager at the site: a name, or `Taro.getRecorderManager()`. */
  expression: string;
  /** When set, the start site first declares `name = getter()`. */
  declare?: { name: string; getter: string };
}

export interface RewriteContext {
  source: string;
  style: FileStyle;
  comments: Array<{ start: number; end: number; type?: string }>;
  names: NameAllocator;
  /** TypeScript files need the hoisted callbacks typed (see startLines). */
  typescript: boolean;
}

/**
 * `stopRecord({ success, complete })` as the last statement of its function: `stop()`,
 * then the callbacks with the old answer, `complete` in a `finally` as the old API ran it.
 */
/**
 * In TypeScript, the type the host's typings give stopRecord's callback result, so that a
 * callback taken out of the call type-checks as it did (`res.tempFilePath` included).
 */
export function stopAnswerType(hostKind: string, hostName: string): string {
  if (hostKind === 'taro' || hostKind === 'taro-named') return 'TaroGeneral.CallbackResult';
  return hostName === 'wx' ? 'WechatMiniprogram.GeneralCallbackResult' : '{ errMsg: string }';
}

export function stopWithCallbacksEdit(statement: any, callbacks: StopCallback[], manager: ManagerRef, ctx: RewriteContext, inline = false, answerType = '{ errMsg: string }'): Edit {
  return {
    start: statement.start,
    end: statement.end,
    build: (render) => {
      const { style, source } = ctx;
      const semi = style.semicolons ? ';' : '';
      const indent = lineIndent(source, statement.start);
      const answer = `{ errMsg: ${style.quote}stopRecord:ok${style.quote} }`;
      // Comments written in the options but outside the callbacks stand above the stop.
      const loose = looseComments(statement, callbacks, ctx).map((c) => ctx.source.slice(c.start, c.end));
      const lines = [...loose, `${manager.expression}.stop()${semi}`];
      // The old API answered after the call returned: so do the callbacks, from a timer.
      const timer = (arrow: boolean, async: boolean, body: string[]) => [
        `setTimeout(${async ? 'async ' : ''}${arrow ? '() => {' : 'function () {'}`,
        ...body.map((line) => (line === '' ? line : style.indentUnit + line)),
        `})${semi}`,
      ];
      if (inline) {
        const cb = callbacks[0];
        // A `function` or method stays a function (SPEC §4), even where arrows are used.
        const arrow = cb.form === 'arrow';
        lines.push(...timer(arrow, Boolean(cb.value.async), inlineBody(cb, answer, ctx, render, answerType)));
        return lines.join(style.eol + indent);
      }
      const calls: Partial<Record<StopCallback['key'], string>> = {};
      for (const cb of callbacks) {
        const name = ctx.names.allocate(cb.key === 'success' ? 'onStopRecordSuccess' : 'onStopRecordComplete');
        // In TypeScript the callback loses the call's contextual type: its parameter gets the answer's.
        const type = ctx.typescript && cb.value.params.length > 0 && !cb.value.params[0].typeAnnotation ? `: (res: ${answerType}) => void` : '';
        lines.push(`${style.declKeyword} ${name}${type} = ${callbackText(cb, indent, ctx, render)}${semi}`);
        calls[cb.key] = `${name}(${cb.value.params.length > 0 ? answer : ''})${semi}`;
      }
      const body =
        calls.success && calls.complete
          ? ['try {', `${style.indentUnit}${calls.success}`, '} finally {', `${style.indentUnit}${calls.complete}`, '}']
          : [(calls.success ?? calls.complete)!];
      lines.push(...timer(style.arrows, false, body));
      return lines.join(style.eol + indent);
    },
  };
}

/**
 * The callback's statements, for the timer that calls them, each line relative to the
 * timer's body; its parameter, if it has one, becomes a constant holding the answer.
 */
function inlineBody(cb: StopCallback, answer: string, ctx: RewriteContext, render: Render, answerType: string): string[] {
  const { style, source } = ctx;
  const semi = style.semicolons ? ';' : '';
  const fn = cb.value;
  const lines: string[] = [];
  const param = fn.params[0];
  if (param) {
    const type = param.typeAnnotation ? render(param.typeAnnotation.start, param.typeAnnotation.end) : ctx.typescript ? `: ${answerType}` : '';
    lines.push(`${style.declKeyword} ${param.name}${type} = ${answer}${semi}`);
  }
  if (fn.body.type !== 'BlockStatement') {
    lines.push(`${render(fn.body.start, fn.body.end)}${semi}`);
    return lines;
  }
  const body = render(fn.body.start + 1, fn.body.end - 1).replace(/^[ \t]*\r?\n/, '').replace(/\s+$/, '');
  if (body === '') return lines;
  // Each line relative to the body's own indentation (the caller indents them again);
  // a multi-line literal's inner lines are left as they are.
  const from = lineIndent(source, fn.body.body[0]?.start ?? fn.body.start);
  const relative = hasMultilineLiteral(fn.body) ? [body.replace(/^[ \t]+/, '')] : body.split(/\r?\n/).map((line) => (line.startsWith(from) ? line.slice(from.length) : line.trimStart()));
  lines.push(...relative);
  return lines;
}

/**
 * `recorderManager.stop()` in place of the `stopRecord(...)` call expression. Comments
 * written inside the call (`stopRecord({ /* 松开即停止 *\/ })`) stay inside the new one,
 * as block comments: the call may sit inside an expression.
 */
export function stopEdit(call: any, manager: ManagerRef, ctx: RewriteContext): Edit {
  const kept = looseComments(call, [], ctx).map((c) => {
    const text = ctx.source.slice(c.start, c.end);
    if (text.startsWith('/*')) return text;
    const body = text.slice(2).trim();
    // A line comment that holds `*/` ends its own line inside the parentheses.
    return body.includes('*/') ? `${text}${ctx.style.eol}${lineIndent(ctx.source, call.start)}` : `/* ${body} */`;
  });
  const args = kept.join(' ');
  return { start: call.start, end: call.end, build: () => `${manager.expression}.stop(${args})` };
}

/** Comments inside `node` that are not inside one of the callbacks (those move with their callback). */
function looseComments(node: any, callbacks: Array<{ value: any }>, ctx: RewriteContext): RewriteContext['comments'] {
  return ctx.comments.filter(
    (c) => c.start > node.start && c.end < node.end && !callbacks.some((cb) => c.start >= cb.value.start && c.end <= cb.value.end),
  );
}

/**
 * Replaces the `startRecord(...)` statement with listener registrations and `start()`.
 * Listeners are registered at every start, even empty ones: each `onX` replaces the previous
 * listener (SPEC §2), so this also silences listeners another recording site left behind,
 * as the old per-call callbacks never saw other calls' recordings.
 */
export function startEdit(statement: any, parentIsStatementList: boolean, options: StartOptions, manager: ManagerRef, ctx: RewriteContext): Edit {
  // An options object declared right before the call goes with it.
  const start = options.declaration ? options.declaration.start : statement.start;
  return statementLinesEdit(statement, start, parentIsStatementList, ctx, (indent, render) => startLines(statement, options, manager, ctx, indent, render));
}

/**
 * One statement (from `start`, which may take in a declaration right before it) replaced
 * by several lines, each at the statement's indentation. Where the statement is not in a
 * statement list (`if (x) wx.startRecord()`), the lines become a block.
 */
export function statementLinesEdit(statement: any, start: number, inStatementList: boolean, ctx: RewriteContext, lines: (indent: string, render: Render) => string[]): Edit {
  return {
    start,
    end: statement.end,
    build: (render) => {
      const { source, style } = ctx;
      const outerIndent = lineIndent(source, start);
      const indent = inStatementList ? outerIndent : outerIndent + style.indentUnit;
      const body = lines(indent, render).join(style.eol + indent);
      if (inStatementList) return body;
      const closeIndent = startsItsLine(source, statement.start) ? outerIndent : lineIndent(source, statement.start);
      return `{${style.eol}${indent}${body}${style.eol}${closeIndent}}`;
    },
  };
}

function startLines(statement: any, options: StartOptions, manager: ManagerRef, ctx: RewriteContext, indent: string, render: Render): string[] {
  const { style } = ctx;
  const semi = style.semicolons ? ';' : '';
  const m = manager.expression;
  const lines: string[] = [];
  const comments = commentsByProperty(statement, options, ctx);

  if (manager.declare) {
    lines.push(`${style.declKeyword} ${manager.declare.name} = ${manager.declare.getter}()${semi}`);
  }
  lines.push(...comments.before);

  const { success, fail, complete } = options.callbacks;
  let onStop: string;
  let onError: string;
  // Callbacks that are called by name from a listener (see below).
  const named: Partial<Record<CallbackKey, string>> = {};
  const q = style.quote;
  // What an adapted callback is handed: the old result, rebuilt from the new one.
  const oldSuccess = `{ errMsg: ${q}startRecord:ok${q}, tempFilePath: res.tempFilePath }`;
  const oldFailure = `{ errMsg: err.errMsg.replace(${q}operateRecorder:fail${q}, ${q}startRecord:fail${q}) }`;
  const hoist = (cb: Callback) => {
    const name = ctx.names.allocate(HOISTED_NAMES[cb.key]);
    named[cb.key] = name;
    // In TypeScript a callback taken out of the call loses its contextual type: it is
    // given the listener's type back (no names of the host's typings needed), or, handed
    // the old result, that result's shape.
    let type = '';
    if (ctx.typescript && hasUntypedParameter(cb)) {
      if (cb.adapt) type = cb.key === 'success' ? ': (res: { errMsg: string; tempFilePath: string }) => void' : ': (res: { errMsg: string }) => void';
      else if (cb.key !== 'complete') type = `: Parameters<typeof ${m}.${cb.key === 'success' ? 'onStop' : 'onError'}>[0]`;
    }
    lines.push(...comments.of[cb.key]);
    lines.push(`${style.declKeyword} ${name}${type} = ${callbackText(cb, indent, ctx, render)}${semi}`);
  };
  const call = (key: CallbackKey, arg: string, old: string) => {
    const cb = options.callbacks[key];
    return cb ? `${named[key]}(${takesArgument(cb) ? (cb.adapt ? old : arg) : ''})` : undefined;
  };
  if (complete) {
    // `complete` runs after both the stop and the error path: each callback is named once
    // and called from both listeners, rather than any body written twice.
    for (const cb of [success, fail, complete]) if (cb) hoist(cb);
    onStop = wrapper('res', call('success', 'res', oldSuccess), call('complete', 'res', oldSuccess), indent, style, []);
    onError = wrapper('err', call('fail', 'err', oldFailure), call('complete', 'err', oldFailure), indent, style, idleStopGuard('err', style));
  } else {
    if (success?.adapt) {
      // Handed the old result: named, and called with it.
      hoist(success);
      onStop = wrapper('res', call('success', 'res', oldSuccess), undefined, indent, style, []);
    } else {
      lines.push(...comments.of.success);
      onStop = success ? callbackText(success, indent, ctx, render) : noop(style);
    }
    const guarded = fail && !fail.adapt ? guardedText(fail, indent, ctx, render) : null;
    if (fail && guarded === null) {
      // Handed the old text, a reference or a destructured parameter: called from a guarded
      // listener, by the name it has when it is one (`showError`, `this.onFail`; a
      // `function` listener would not see the page's `this`), else under a name of its own.
      const callee = fail.form === 'reference' ? render(fail.value.start, fail.value.end).replace(/\.bind\(\s*this\s*\)$/, '') : null;
      const arg = takesArgument(fail) ? (fail.adapt ? oldFailure : 'err') : '';
      if (callee !== null && (style.arrows || !/\bthis\b/.test(callee))) {
        onError = wrapper('err', `${callee}(${arg})`, undefined, indent, style, idleStopGuard('err', style));
      } else {
        hoist(fail);
        onError = wrapper('err', call('fail', 'err', oldFailure)!, undefined, indent, style, idleStopGuard('err', style));
      }
    } else {
      onError = guarded ?? noop(style);
    }
  }
  // An empty listener still replaces the one an earlier start registered (SPEC §2), which
  // would otherwise answer for this recording: the comment says why it is there.
  const cleared = (what: string) => ` // no ${what} callback: clears an earlier start's listener`;
  lines.push(`${m}.onStop(${onStop})${semi}${success || complete ? '' : cleared('success')}`);
  if (!complete && !named.fail) lines.push(...comments.of.fail);
  lines.push(`${m}.onError(${onError})${semi}${fail || complete ? '' : cleared('fail')}`);
  lines.push(...comments.after);
  lines.push(`${m}.start({ duration: ${options.durationMs} })${semi}`);
  return lines;
}

const HOISTED_NAMES: Record<CallbackKey, string> = {
  success: 'onRecordSuccess',
  fail: 'onRecordFail',
  complete: 'onRecordComplete',
};

function noop(style: FileStyle): string {
  return style.arrows ? '() => {}' : 'function () {}';
}

/** A parameter that only the call's context typed (references keep their declared types). */
function hasUntypedParameter(cb: Callback): boolean {
  if (cb.form === 'reference') return false;
  return cb.value.params.some((p: any) => !p.typeAnnotation);
}

function takesArgument(cb: Callback): boolean {
  return (cb.declared ?? cb.value).params.length > 0;
}

/**
 * A listener that calls `first` (success or fail) and then `complete`. The old API ran
 * `complete` even when `success` threw, so `complete` sits in a `finally`; the error still
 * surfaces as it did. The listener names its argument only if a call passes it on.
 */
function wrapper(param: string, first: string | undefined, complete: string | undefined, indent: string, style: FileStyle, guard: string[]): string {
  const semi = style.semicolons ? ';' : '';
  const inner = indent + style.indentUnit;
  const usesParam = guard.length > 0 || [first, complete].some((c) => c !== undefined && new RegExp(`\\b${param}\\b`).test(c));
  const params = usesParam ? `(${param})` : '()';
  const head = style.arrows ? `${params} => {` : `function ${params} {`;
  const calls = first && complete
    ? [
        `${inner}try {`,
        `${inner}${style.indentUnit}${first}${semi}`,
        `${inner}} finally {`,
        `${inner}${style.indentUnit}${complete}${semi}`,
        `${inner}}`,
      ]
    : [`${inner}${(first ?? complete)!}${semi}`];
  const body = [...guard.map((line) => inner + line), ...calls];
  return [head, ...body, `${indent}}`].join(style.eol);
}

/** The fail callback with the idle-stop guard inside, moved like `callbackText` moves it. */
function guardedText(cb: Callback, targetIndent: string, ctx: RewriteContext, render: Render): string | null {
  const from = lineIndent(ctx.source, cb.property.start);
  const text = guardedCallbackText(cb, from, render, ctx.style);
  if (text === null) return null;
  return hasMultilineLiteral(cb.value) ? text : reindent(text, from, targetIndent);
}

/**
 * The callback's own source, moved as it is: an arrow stays an arrow and a `function` stays
 * a `function`, so `this` inside means what it meant. A shorthand method becomes a function
 * expression (an arrow would change `this`).
 */
function callbackText(cb: Callback | StopCallback, targetIndent: string, ctx: RewriteContext, render: Render): string {
  const { source } = ctx;
  let text: string;
  if (cb.form === 'method') {
    const method = cb.value;
    text = `${method.async ? 'async ' : ''}function ${render(method.key.end, method.end).replace(/^\s+/, '')}`;
  } else {
    text = render(cb.value.start, cb.value.end);
  }
  if (hasMultilineLiteral(cb.value)) return text;
  return reindent(text, lineIndent(source, cb.property.start), targetIndent);
}

interface PropertyComments {
  before: string[];
  of: Record<CallbackKey, string[]>;
  after: string[];
}

/**
 * Comments written inside the options object but outside the callbacks (`// 录音结束`
 * above `success:`) travel with their property; the rest go before or after the new
 * lines. None is dropped.
 */
function commentsByProperty(statement: any, options: StartOptions, ctx: RewriteContext): PropertyComments {
  const result: PropertyComments = { before: [], of: { success: [], fail: [], complete: [] }, after: [] };
  const callbacks = Object.values(options.callbacks) as Callback[];
  const insideCallback = (c: { start: number; end: number }) =>
    callbacks.some((cb) => c.start >= cb.value.start && c.end <= cb.value.end);
  const properties: any[] = options.object?.properties ?? [];
  const from = options.declaration ? options.declaration.start : statement.start;
  for (const comment of ctx.comments) {
    if (comment.start < from || comment.end > statement.end || insideCallback(comment)) continue;
    const text = reindent(ctx.source.slice(comment.start, comment.end), lineIndent(ctx.source, comment.start), '');
    const owner = ownerProperty(comment, properties, ctx.source);
    const key = owner ? propertyName(owner) : null;
    if (key === 'success' || key === 'fail' || key === 'complete') result.of[key].push(text);
    else if (owner) result.after.push(text);
    else result.before.push(text);
  }
  return result;
}

/** A comment belongs to the property that follows it, or to the one ending on its line. */
function ownerProperty(comment: { start: number; end: number }, properties: any[], source: string): any | null {
  for (let i = 0; i < properties.length; i++) {
    const property = properties[i];
    const previous = properties[i - 1];
    if (previous && comment.start >= previous.end && !source.slice(previous.end, comment.start).includes('\n')) return previous;
    if (comment.end <= property.start) return property;
  }
  const last = properties[properties.length - 1];
  // Below the last property (a commented-out `complete`): after the listeners, not on them.
  if (last && comment.start >= last.end && source.slice(last.end, comment.start).includes('\n')) return AFTER_ALL;
  return last ?? null;
}

/** Stands for "after every property" in ownerProperty's answer. */
const AFTER_ALL = { key: null };

function propertyName(property: any): string | null {
  return property.key?.name ?? property.key?.value ?? null;
}
