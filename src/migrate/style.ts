/**
 * The file's own style, measured before anything changes, so that the lines we write look
 * like the lines around them: line endings, indentation unit, semicolons, `const` or `var`,
 * arrows or `function`, quotes.
 */
export interface FileStyle {
  eol: '\n' | '\r\n';
  indentUnit: string;
  semicolons: boolean;
  declKeyword: 'const' | 'var';
  arrows: boolean;
  quote: "'" | '"';
}

/** Syntax newer than ES5: a file with none of it is ES5, and gets ES5 from us. */
const NEWER_THAN_ES5 = [
  'ArrowFunctionExpression', 'ClassDeclaration', 'ClassExpression', 'TemplateLiteral', 'ObjectMethod', 'ImportDeclaration',
  'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'SpreadElement', 'RestElement', 'ObjectPattern',
  'ArrayPattern', 'ForOfStatement', 'AwaitExpression', 'YieldExpression', 'TaggedTemplateExpression',
];

/** True for a file written in ES5 throughout (many native pages are shipped as written). */
export function writtenInEs5(index: { of(...types: string[]): any[] }): boolean {
  if (index.of(...NEWER_THAN_ES5).length > 0) return false;
  return !index.of('VariableDeclaration').some((d) => d.kind !== 'var');
}

export function detectStyle(source: string, isTypeScript: boolean, es5 = false): FileStyle {
  const crlf = countOf(source, '\r\n');
  const lf = countOf(source, '\n') - crlf;
  const lines = measureLines(source);
  return {
    eol: crlf > lf ? '\r\n' : '\n',
    indentUnit: lines.indentUnit,
    semicolons: lines.semicolons,
    // Only a file written in ES5 throughout (var, no arrows) gets `var` from us.
    declKeyword: !isTypeScript && (es5 || (/\bvar\s/.test(source) && !/\b(const|let)\s/.test(source) && !source.includes('=>'))) ? 'var' : 'const',
    arrows: !es5 && (isTypeScript || source.includes('=>') || !/\bfunction\b/.test(source)),
    quote: countOf(source, '"') > countOf(source, "'") ? '"' : "'",
  };
}

function countOf(source: string, text: string): number {
  let count = 0;
  for (let at = source.indexOf(text); at !== -1; at = source.indexOf(text, at + text.length)) count++;
  return count;
}

/**
 * The indentation unit and the semicolon style, in one pass over the lines (as
 * `source.split(/\r?\n/)` cuts them), without a string or a regular expression per line:
 * the two per-line tests below, written plainly, took 4% of a migration.
 *
 * - Indentation: the smallest step that appears between consecutive indented lines
 *   (blank lines skipped); tabs if more lines start with a tab than with a space.
 * - Semicolons: lines that end a statement with `;` against lines that end with a closing
 *   parenthesis/identifier and no `;` (after any `//` comment), leaving out comment lines
 *   and lines opening a block. Crude, but it only picks between two styles, and the
 *   majority of a file's statements settles it.
 *
 * A line holding a lone CR or a Unicode line separator (where `.` and `$` in the plain
 * form would behave differently) is measured by the plain form itself.
 */
function measureLines(source: string): { indentUnit: string; semicolons: boolean } {
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  let withSemi = 0;
  let without = 0;

  const n = source.length;
  for (let start = 0; ; ) {
    let newline = source.indexOf('\n', start);
    const last = newline === -1;
    if (last) newline = n;
    const end = !last && newline > start && source.charCodeAt(newline - 1) === CR ? newline - 1 : newline;

    // Indentation.
    let i = start;
    while (i < end && (source.charCodeAt(i) === SPACE || source.charCodeAt(i) === TAB)) i++;
    const blank = i === end || (isWhitespace(source.charCodeAt(i)) && source.slice(start, end).trim() === '');
    if (!blank) {
      if (source.charCodeAt(start) === TAB) {
        tabs++;
      } else {
        const indent = i - start;
        if (indent > 0) spaces++;
        const step = indent - previous;
        if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
        previous = indent;
      }
    }

    // Semicolons.
    const verdict = hasLineBreakLike(source, start, end) ? semicolonVerdictPlain(source.slice(start, end)) : semicolonVerdict(source, start, end);
    if (verdict === 'with') withSemi++;
    else if (verdict === 'without') without++;

    if (last) break;
    start = newline + 1;
  }

  let indentUnit = 2;
  if (tabs > spaces) return { indentUnit: '\t', semicolons: withSemi >= without };
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (step <= 8 && count > bestCount) {
      indentUnit = step;
      bestCount = count;
    }
  }
  return { indentUnit: ' '.repeat(indentUnit), semicolons: withSemi >= without };
}

const TAB = 9;
const CR = 13;
const SPACE = 32;

/** JavaScript's whitespace and line terminators: what `trim()` removes and `\s` matches. */
function isWhitespace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function hasLineBreakLike(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (code === CR || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

type SemicolonVerdict = 'with' | 'without' | null;

/** The plain form of the semicolon test, for one line. */
function semicolonVerdictPlain(raw: string): SemicolonVerdict {
  const line = raw.replace(/\/\/.*$/, '').trimEnd();
  if (line === '' || /^\s*(\*|\/\*)/.test(line)) return null;
  if (line.endsWith(';')) return 'with';
  if (/[)\w'"`\]]$/.test(line) && !/^\s*(if|for|while|else|switch|function|class|import\s*\{?$)/.test(line)) return 'without';
  return null;
}

/** The same test on `source[start, end)`, a line with no CR or Unicode line separator. */
function semicolonVerdict(source: string, start: number, end: number): SemicolonVerdict {
  // Everything from the first `//` on is a comment (searched within the line only).
  for (let i = start; i + 1 < end; i++) {
    if (source.charCodeAt(i) === 0x2f && source.charCodeAt(i + 1) === 0x2f) {
      end = i;
      break;
    }
  }
  while (end > start && isWhitespace(source.charCodeAt(end - 1))) end--;
  if (end === start) return null;
  let first = start;
  while (first < end && isWhitespace(source.charCodeAt(first))) first++;
  const lead = source.charCodeAt(first);
  if (lead === 0x2a /* * */ || (lead === 0x2f /* / */ && source.charCodeAt(first + 1) === 0x2a && first + 1 < end)) return null;
  const tail = source.charCodeAt(end - 1);
  if (tail === 0x3b /* ; */) return 'with';
  if (!endsStatement(tail) || opensBlock(source, first, end)) return null;
  return 'without';
}

/** `)`, a word character, a quote, a backtick or `]`. */
function endsStatement(code: number): boolean {
  return (
    code === 0x29 || code === 0x5d || code === 0x27 || code === 0x22 || code === 0x60 || code === 0x5f ||
    (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
  );
}

const BLOCK_KEYWORDS = ['if', 'for', 'while', 'else', 'switch', 'function', 'class'];

/** The line (from its first non-blank) starts with a block keyword, or is `import` and at most ` {`. */
function opensBlock(source: string, first: number, end: number): boolean {
  for (const keyword of BLOCK_KEYWORDS) if (end - first >= keyword.length && source.startsWith(keyword, first)) return true;
  if (end - first < 6 || !source.startsWith('import', first)) return false;
  let i = first + 6;
  while (i < end && isWhitespace(source.charCodeAt(i))) i++;
  if (i < end && source.charCodeAt(i) === 0x7b /* { */) i++;
  return i === end;
}
