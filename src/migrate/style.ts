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
  const crlf = (source.match(/\r\n/g) ?? []).length;
  const lf = (source.match(/\n/g) ?? []).length - crlf;
  return {
    eol: crlf > lf ? '\r\n' : '\n',
    indentUnit: detectIndentUnit(source),
    semicolons: detectSemicolons(source),
    // Only a file written in ES5 throughout (var, no arrows) gets `var` from us.
    declKeyword: !isTypeScript && (es5 || (/\bvar\s/.test(source) && !/\b(const|let)\s/.test(source) && !source.includes('=>'))) ? 'var' : 'const',
    arrows: !es5 && (isTypeScript || source.includes('=>') || !/\bfunction\b/.test(source)),
    quote: (source.match(/"/g) ?? []).length > (source.match(/'/g) ?? []).length ? '"' : "'",
  };
}

/** The smallest indentation step that appears between consecutive indented lines. */
function detectIndentUnit(source: string): string {
  const lines = source.split(/\r?\n/);
  let tabs = 0;
  let spaces = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (indent.startsWith('\t')) {
      tabs++;
      continue;
    }
    if (indent.length > 0) spaces++;
    const step = indent.length - previous;
    if (step > 0) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = indent.length;
  }
  if (tabs > spaces) return '\t';
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of steps) {
    if (step <= 8 && count > bestCount) {
      best = step;
      bestCount = count;
    }
  }
  return ' '.repeat(best);
}

/**
 * Counts lines that end a statement with `;` against lines that end with a closing
 * parenthesis/identifier and no `;`. Crude, but it only picks between two styles, and the
 * majority of a file's statements settles it.
 */
function detectSemicolons(source: string): boolean {
  let withSemi = 0;
  let without = 0;
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trimEnd();
    if (line === '' || /^\s*(\*|\/\*)/.test(line)) continue;
    if (line.endsWith(';')) withSemi++;
    else if (/[)\w'"`\]]$/.test(line) && !/^\s*(if|for|while|else|switch|function|class|import\s*\{?$)/.test(line)) without++;
  }
  return withSemi >= without;
}
