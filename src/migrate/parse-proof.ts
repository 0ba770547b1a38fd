import type { EditSpan } from './edits';
import type { NodeIndex } from './node-index';
import { forEachPatternIdentifier } from './ast-walk';
import { FLOW_PRAGMA, parseAst, parserFor } from './parse';

/**
 * The last line of defence: the rewritten text must parse, or nothing is handed back. A
 * second full parse of every output took a third of a migration's time, so the proof
 * parses only what changed, where that is enough to decide, and the whole output otherwise:
 *
 * - An edit strictly inside the body of a function or of a class property's arrow
 *   function: the rewritten function or member is parsed on its own, in strict mode (at
 *   least as strict as wherever it sits), in an object literal or in a class that extends
 *   something only if its own does, and must still be exactly that one node. Its
 *   parameters come with it, so a new name that clashes with one is still caught.
 * - An arrow function is such a part only where its context adds no rule of its own (see
 *   `arrowStandsAlone`): it borrows `super`, `new.target`, `arguments` and `await` from
 *   around it. `super`, `new.target` and private names do not parse in the wrapper, so they
 *   fall back to the whole parse; `arguments` (an error in a class field) and `await` (an
 *   async function around it) are why such arrows are not parts at all.
 * - Whole statements inserted between two top-level statements on lines of their own
 *   (our `recorderManager`, the shim's import): each is parsed on its own, strict, and must
 *   add no directive and declare no name the file uses or another insertion declares.
 * - Anything else (an edit at the top level of an object literal, any `export`...), or a
 *   part that does not parse on its own: the whole output is parsed, and its verdict is
 *   the answer. A part parsing on its own never stands in for a rejection.
 * - Never parts, because the wrapper cannot give them their context (found by review):
 *   anything inside a TypeScript ambient context (`declare ...`, overload and abstract
 *   signatures), where bodies and initializers are errors; a generic arrow where JSX is
 *   on (`<T>(x) => {}` can read as a JSX tag further down the file); and any file with a
 *   `@flow` pragma, which changes how `a < b > (c)` reads.
 *
 * Everything between the edits is the original text, which parsed; test/parse-proof.test.ts
 * checks that the proof rejects broken edits of every kind it accepts on its own.
 *
 * Throws the parser's error when the output does not parse; says which proof was enough.
 */
export function proveOutputParses(output: string, filePath: string, spans: readonly EditSpan[], original: OriginalFile): 'parts' | 'whole' {
  if (partsParse(output, filePath, spans, original)) return 'parts';
  parseAst(output, filePath);
  return 'whole';
}

/** What the proof needs of the file before its edits. */
export interface OriginalFile {
  index: NodeIndex;
  program: any;
  comments: ReadonlyArray<{ start: number; end: number; value: string }>;
  /** Every identifier name of the file (see allIdentifierNames). */
  names: ReadonlySet<string>;
}

/** Container node types whose rewritten text can be parsed alone, and how to wrap it. */
const FUNCTION_WRAPPERS: Record<string, [string, string]> = {
  FunctionDeclaration: ['(', ')'],
  FunctionExpression: ['(', ')'],
  ArrowFunctionExpression: ['(', ')'],
  ObjectMethod: ['({', '})'],
};
const CLASS_MEMBERS = new Set(['ClassMethod', 'ClassPrivateMethod', 'ClassProperty', 'ClassPrivateProperty']);
const CONTAINER_TYPES = [...Object.keys(FUNCTION_WRAPPERS), ...CLASS_MEMBERS];

/** Exports are checked across the whole module (one default, no name twice): never alone. */
const EXPORT = /\bexport\b/;

/** True when every changed part was proven to parse on its own; false: parse the whole output. */
function partsParse(output: string, filePath: string, spans: readonly EditSpan[], original: OriginalFile): boolean {
  if (spans.length === 0) return true;
  const parser = parserFor(filePath);
  if (parser === 'babel' && original.comments.some((comment) => FLOW_PRAGMA.test(comment.value))) return false;
  const ambient = ambientContexts(original.index);
  const sourceType: 'module' | 'script' = original.program.sourceType === 'module' ? 'module' : 'script';
  const containers = new Set<any>();
  const inserted: EditSpan[] = [];
  for (const span of spans) {
    if (ambient.some((node) => node.start <= span.start && span.end <= node.end)) return false;
    const container = innermostContainer(original.index, span, parser !== 'ts');
    if (container) containers.add(container);
    else if (isTopLevelInsertion(span, output, original)) inserted.push(span);
    else return false;
  }

  const toOutput = offsetMaps(spans);
  for (const container of containers) {
    if ([...containers].some((other) => other !== container && other.start <= container.start && other.end >= container.end)) continue;
    const [open, close] = CLASS_MEMBERS.has(container.type) ? classWrapper(original.index, container) : FUNCTION_WRAPPERS[container.type];
    const text = output.slice(toOutput.start(container.start), toOutput.end(container.end));
    if (EXPORT.test(text)) return false;
    const prefix = `"use strict";${open}`;
    const ast = parsesAlone(`${prefix}${text}\n${close}`, filePath, sourceType);
    // The rewritten text must still be that one function or member, end to end: an edit
    // that closed the body early could read as two of them inside the wrapper.
    const type = container.type === 'FunctionDeclaration' ? 'FunctionExpression' : container.type;
    if (!ast || !wrapsExactly(ast, type, prefix.length, prefix.length + text.length)) return false;
  }

  const insertedNames = new Set<string>();
  for (const span of inserted) {
    const text = output.slice(span.outStart, span.outEnd);
    if (EXPORT.test(text)) return false;
    // Strict, whatever the file is: at least as strict as where it lands. A string it
    // starts with would be a second directive here: it could make the file strict.
    const ast = parsesAlone(`"use strict";\n${text}`, filePath, sourceType);
    if (!ast || ast.program.directives.length !== 1) return false;
    for (const name of declaredNames(ast.program)) {
      if (original.names.has(name) || insertedNames.has(name)) return false;
      insertedNames.add(name);
    }
  }
  return true;
}

/** A class member is parsed in a class like its own: one that extends something only if its own does (`super()`). */
function classWrapper(index: NodeIndex, member: any): [string, string] {
  let owner: any = null;
  for (const node of index.of('ClassDeclaration', 'ClassExpression')) {
    if (node.body.start < member.start && member.end <= node.body.end && (!owner || node.start >= owner.start)) owner = node;
  }
  return [owner?.superClass ? '(class extends Object {' : '(class {', '})'];
}

/** The snippet is `"use strict";` and one wrapped node of `type` whose range is exactly [from, to). */
function wrapsExactly(ast: any, type: string, from: number, to: number): boolean {
  const body = ast.program.body;
  if (body.length !== 1 || body[0].type !== 'ExpressionStatement') return false;
  const wrapper = body[0].expression;
  const members = wrapper.type === 'ObjectExpression' ? wrapper.properties : wrapper.type === 'ClassExpression' ? wrapper.body.body : [wrapper];
  return members.length === 1 && members[0].type === type && members[0].start === from && members[0].end === to;
}

/**
 * The smallest function whose body holds the span strictly inside its braces (an arrow
 * only where it stands alone), or class property whose arrow-function value's body does.
 */
function innermostContainer(index: NodeIndex, span: EditSpan, jsx: boolean): any | null {
  let best: any = null;
  for (const node of index.of(...CONTAINER_TYPES)) {
    const property = node.type === 'ClassProperty' || node.type === 'ClassPrivateProperty';
    const arrow = property ? (node.value?.type === 'ArrowFunctionExpression' ? node.value : null) : node.type === 'ArrowFunctionExpression' ? node : null;
    const body = property ? arrow?.body : node.body;
    if (!body || body.type !== 'BlockStatement' || !(body.start < span.start && span.end < body.end)) continue;
    // `<T>(x) => {}` where JSX is on: the file's parse may have read it as a tag.
    if (jsx && arrow?.typeParameters) continue;
    if (best && node.end - node.start >= best.end - best.start) continue;
    if (node.type === 'ArrowFunctionExpression' && !arrowStandsAlone(index, node)) continue;
    best = node;
  }
  return best;
}

/** TypeScript's ambient contexts: declarations without bodies, where what parses in a wrapper is an error. */
function ambientContexts(index: NodeIndex): any[] {
  return [
    ...index.of('TSDeclareFunction', 'TSDeclareMethod'),
    ...index.of('TSModuleDeclaration', 'ClassDeclaration', 'ClassExpression', 'TSEnumDeclaration', 'VariableDeclaration').filter((node) => node.declare),
    ...index.of('ClassMethod', 'ClassPrivateMethod', 'ClassProperty', 'ClassPrivateProperty', 'ClassAccessorProperty').filter(
      (node) => node.abstract || node.declare,
    ),
  ];
}

/** Functions and class members: the places that give an arrow inside them its context. */
const ARROW_CONTEXTS = [
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
  'ClassProperty',
  'ClassPrivateProperty',
  'ClassAccessorProperty',
  'StaticBlock',
];
const PLAIN_FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ObjectMethod', 'ClassMethod', 'ClassPrivateMethod']);

/**
 * Whether an arrow function means the same parsed alone: going out from it, through arrows
 * that are not async, the first other context is the top level, or the parameters or body
 * of a function that is neither async nor a generator. Not in a class field or static
 * block (`arguments` is an error there, fine alone), nor below an async function or
 * arrow (`await`), nor in a computed key or decorator (whose context is the class's).
 */
function arrowStandsAlone(index: NodeIndex, arrow: any): boolean {
  const around = index
    .of(...ARROW_CONTEXTS)
    .filter((node: any) => node !== arrow && node.start <= arrow.start && arrow.end <= node.end)
    .sort((a: any, b: any) => a.end - a.start - (b.end - b.start));
  const within = (node: any) => node && node.start <= arrow.start && arrow.end <= node.end;
  for (const node of around) {
    if (node.type === 'ArrowFunctionExpression') {
      if (node.async) return false;
      continue;
    }
    if (!PLAIN_FUNCTIONS.has(node.type) || node.async || node.generator) return false;
    return within(node.body) || node.params.some(within);
  }
  return true;
}

/**
 * An insertion (nothing removed) between top-level statements, outside every comment and
 * the hashbang, on lines of its own: it starts a line and ends one, so that it cannot run
 * into the code next to it.
 */
function isTopLevelInsertion(span: EditSpan, output: string, original: OriginalFile): boolean {
  const at = span.start;
  if (span.end !== at || span.outEnd === span.outStart) return false;
  const { program, comments } = original;
  const inside = (node: { start: number; end: number }) => node.start < at && at < node.end;
  if (program.body.some(inside) || (program.directives ?? []).some(inside) || comments.some(inside)) return false;
  if (program.interpreter && at <= program.interpreter.end) return false;
  const before = output[span.outStart - 1];
  const after = output[span.outEnd];
  const text = output.slice(span.outStart, span.outEnd);
  const startsLine = (before === undefined && !program.interpreter) || before === '\n' || /^\r?\n/.test(text);
  return startsLine && (after === undefined || after === '\n' || after === '\r' || text.endsWith('\n'));
}

function parsesAlone(text: string, filePath: string, sourceType: 'module' | 'script'): any | null {
  try {
    return parseAst(text, filePath, sourceType);
  } catch {
    return null;
  }
}

/** Names bound at the top level of a program: declarations, functions, classes, imports. */
function declaredNames(program: any): string[] {
  const names: string[] = [];
  const fromPattern = (node: any): void => {
    if (!forEachPatternIdentifier(node, (id) => names.push(id.name))) names.push('\0unknown pattern');
  };
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (!declaration) continue;
    if (declaration.type === 'VariableDeclaration') declaration.declarations.forEach((d: any) => fromPattern(d.id));
    else if (declaration.id?.type === 'Identifier') names.push(declaration.id.name);
    else if (declaration.type === 'ImportDeclaration') declaration.specifiers.forEach((s: any) => names.push(s.local.name));
    else if (declaration.type === 'TSImportEqualsDeclaration') names.push(declaration.id.name);
  }
  return names;
}

/**
 * Where a node's start and end (offsets outside every span) are in the output. An
 * insertion right at a node's start comes before it; one right at its end, after it.
 */
function offsetMaps(spans: readonly EditSpan[]): { start: (offset: number) => number; end: (offset: number) => number } {
  const shifted = (offset: number, before: (span: EditSpan) => boolean) => {
    let delta = 0;
    for (const span of spans) if (before(span)) delta += span.outEnd - span.outStart - (span.end - span.start);
    return offset + delta;
  };
  return {
    start: (offset) => shifted(offset, (span) => span.end <= offset),
    end: (offset) => shifted(offset, (span) => span.end <= offset && span.start < offset),
  };
}
