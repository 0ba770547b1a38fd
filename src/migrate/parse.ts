import { parse as babelParse, ParserOptions, ParserPlugin } from '@babel/parser';
import jscodeshift, { Collection, JSCodeshift } from 'jscodeshift';
import * as path from 'path';
import { NodeIndex } from './node-index';
import { MigrationError } from './report';

export type ParserName = 'ts' | 'tsx' | 'babel';

/**
 * The pragma under which Babel reads `a < b > (c)` as a Flow call (its `all` option off).
 * Tested anywhere in the text (or in any comment): stricter than Babel's first-comment rule.
 */
export const FLOW_PRAGMA = /@(?:no)?flow\b/;

/**
 * The parser follows the file extension. `tsx` on a `.ts` file breaks `<T>x` casts, and the
 * `ts` parser rejects JSX, so the two TypeScript flavours must never be swapped. Plain
 * JavaScript goes to babel with JSX.
 */
export function parserFor(filePath: string): ParserName {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'babel';
}

/** The syntax jscodeshift's own `ts`/`tsx`/`babylon` presets accept, minus anything that guesses. */
const COMMON_PLUGINS: ParserPlugin[] = [
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'decoratorAutoAccessors',
  'doExpressions',
  'dynamicImport',
  'exportDefaultFrom',
  'functionBind',
  'functionSent',
  'importAttributes',
  'importMeta',
  'logicalAssignment',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  ['pipelineOperator', { proposal: 'minimal' }],
  'throwExpressions',
];

function optionsFor(parser: ParserName, sourceType: ParserOptions['sourceType'] = 'unambiguous', flow = true): ParserOptions {
  const plugins: ParserPlugin[] =
    parser === 'babel'
      ? // Decorators before or after `export`: WePY 1 scaffolds write `@connect(...) export default class`.
        [...COMMON_PLUGINS, 'jsx', ...(flow ? (['flow'] as ParserPlugin[]) : []), 'decorators']
      : [...COMMON_PLUGINS, 'typescript', 'decorators-legacy', ...(parser === 'tsx' ? (['jsx'] as ParserPlugin[]) : [])];
  return {
    sourceType,
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowUndeclaredExports: true,
    startLine: 1,
    // Comments are read from the file's list (`ast.comments`); hanging each on its
    // neighbouring nodes is work nothing here reads (the edits are text, never reprinted).
    attachComment: false,
    plugins,
  };
}

export interface ParsedFile {
  j: JSCodeshift;
  root: Collection<any>;
  /** All nodes by type, for the questions that need no scope (see node-index.ts). */
  index: NodeIndex;
  /** Every comment of the file, in source order. */
  comments: Array<{ start: number; end: number; value: string }>;
}

/**
 * Parses with @babel/parser directly rather than through recast: recast re-parses a copy of
 * the text with tabs expanded and line endings normalised, so its offsets do not point
 * into the original text, and we edit the original text by offset.
 */
/** `withParser` builds a whole jscodeshift core: once per parser, not once per file. */
const cores = new Map<ParserName, JSCodeshift>();

function coreFor(parser: ParserName): JSCodeshift {
  let j = cores.get(parser);
  if (!j) cores.set(parser, (j = jscodeshift.withParser(parser === 'babel' ? 'babylon' : parser)));
  return j;
}

export function parseFile(source: string, filePath: string): ParsedFile {
  const j = coreFor(parserFor(filePath));
  const ast = parseAst(source, filePath);
  const comments = (ast.comments ?? []).map((c: any) => ({ start: c.start, end: c.end, value: String(c.value) }));
  const index = new NodeIndex(ast);
  giveCatchClausesAParameter(index);
  return { j, root: j(ast), index, comments };
}

/**
 * ast-types' scope analysis fails on `catch {}` with no parameter (ES2019): its scan of
 * the scope reads the parameter as a pattern ("null does not match type Pattern"), and
 * skips the declarations in the body. Such a clause gets a parameter no identifier can
 * name (it has a space), zero characters wide at the start of its body, after the index
 * is built: nothing asks for it by name, and the text is never printed from the tree.
 */
const NO_CATCH_PARAMETER = 'catch without parameter';

function giveCatchClausesAParameter(index: NodeIndex): void {
  for (const clause of index.of('CatchClause')) {
    if (clause.param !== null && clause.param !== undefined) continue;
    const at = clause.body.start;
    clause.param = { type: 'Identifier', name: NO_CATCH_PARAMETER, start: at, end: at, loc: { start: clause.body.loc.start, end: clause.body.loc.start } };
  }
}

/**
 * The babel AST alone (no jscodeshift collection): enough to check that text parses.
 * `sourceType`: a part of a file parsed alone (parse-proof.ts) keeps the file's.
 */
export function parseAst(source: string, filePath: string, sourceType?: 'module' | 'script'): any {
  const parser = parserFor(filePath);
  if (parser === 'babel' && !FLOW_PRAGMA.test(source)) {
    // Plain JavaScript first: the Flow plugin makes Babel's tokenizer a fifth slower
    // (measured: migrations 1.12x faster on the bench's 1% tree without it). Without an
    // `@flow` pragma the plugin reads plain JavaScript exactly as without it (`a < b > (c)`
    // stays comparisons), so a file that parses without it has the same tree; a file with
    // Flow types does not parse without it and is read with it, as always.
    try {
      return babelParse(source, optionsFor(parser, sourceType, false));
    } catch {
      // Read with Flow below; its error, if any, is the one reported (as before).
    }
  }
  try {
    return babelParse(source, optionsFor(parser, sourceType));
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } };
    const where = e.loc ? ` (line ${e.loc.line}, column ${e.loc.column + 1})` : '';
    const message = String(e.message ?? err).replace(/ \(\d+:\d+\)$/, '');
    throw new MigrationError(`syntax error: ${message}${where}`, e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
  }
}
