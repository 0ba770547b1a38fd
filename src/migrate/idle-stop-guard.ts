import { walkNodes } from './ast-walk';
import { Render } from './edits';
import { FileStyle } from './style';

/**
 * After a conversion, `stop()` while nothing records (a hold-to-talk button released after
 * the 60 s limit, stop tapped twice, `onUnload() { stop() }`) raises onError with
 * `operateRecorder:fail:audio is stop, don't stop record again`, where `stopRecord()` was
 * silent (SPEC §2). Old `fail`/`complete` code never ran then, and users see what it does
 * (a "录音失败" modal, a reset UI): the generated onError ignores exactly that error.
 */
export const IDLE_STOP_TEXT = 'audio is stop';

/** The guard's lines, to open a listener whose argument is `param`. */
export function idleStopGuard(param: string, style: FileStyle): string[] {
  const semi = style.semicolons ? ';' : '';
  const q = style.quote;
  return [
    '// stop() while nothing records: the old stopRecord() was silent there',
    `if (${param}.errMsg.indexOf(${q}${IDLE_STOP_TEXT}${q}) !== -1) return${semi}`,
  ];
}

/**
 * A fail callback's text with the guard as its first statement, at the callback's own
 * indentation (`indent`, that of its property): a function whose first parameter is a
 * plain name, or that has none (one is added, named so that it shadows nothing the body
 * uses). Null for other shapes (a destructured parameter, a reference): the caller then
 * calls the callback from a guarded listener instead.
 */
export function guardedCallbackText(cb: { form: string; value: any }, indent: string, render: Render, style: FileStyle): string | null {
  if (cb.form === 'reference') return null;
  const fn = cb.value;
  const params: any[] = fn.params ?? [];
  if (params.length > 0 && params[0].type !== 'Identifier') return null;
  const param = params.length > 0 ? params[0].name : freeName(fn, ['err', 'error', 'e', 'res']);
  let head = cb.form === 'method' ? `${fn.async ? 'async ' : ''}function ${render(fn.key.end, fn.body.start).replace(/^\s+/, '')}` : render(fn.start, fn.body.start);
  if (params.length === 0) head = head.replace(/\(\s*\)/, `(${param})`);
  // An arrow's lone parameter may have no parentheses (`err => ...`): left as it is.
  const inner = indent + style.indentUnit;
  const eol = style.eol;
  const guard = idleStopGuard(param, style).map((line) => inner + line).join(eol);
  if (fn.body.type === 'BlockStatement') {
    const body = render(fn.body.start + 1, fn.body.end - 1);
    if (/\n/.test(body)) return `${head}{${eol}${guard}${body}}`;
    const statements = body.trim();
    return `${head}{${eol}${guard}${statements ? eol + inner + statements : ''}${eol}${indent}}`;
  }
  // An expression body becomes a block: the listener's return value is never used.
  const expression = render(fn.body.start, fn.body.end);
  const semi = style.semicolons ? ';' : '';
  const statement = !style.semicolons && /^[([`+\-/]/.test(expression) ? `;${expression}` : `${expression}${semi}`;
  return `${head}{${eol}${guard}${eol}${inner}${statement}${eol}${indent}}`;
}

/** The first candidate that names nothing inside `fn` (so adding it as a parameter shadows nothing used). */
function freeName(fn: any, candidates: string[]): string {
  const used = new Set<string>();
  walkNodes(fn.body, (node) => {
    if (node.type === 'Identifier') used.add(node.name);
  });
  return candidates.find((c) => !used.has(c)) ?? `${candidates[0]}${used.size}`;
}
