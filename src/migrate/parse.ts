import jscodeshift, { Collection, JSCodeshift } from 'jscodeshift';
import * as path from 'path';
import { MigrationError } from './report';

export type ParserName = 'ts' | 'tsx' | 'babylon';

/**
 * The parser follows the file extension. `tsx` on a `.ts` file breaks `<T>x` casts, and the
 * `ts` parser rejects JSX, so the two TypeScript flavours must never be swapped. Plain
 * JavaScript goes to babel with JSX (jscodeshift's `babylon` preset), which gives the same
 * node types (ObjectMethod, StringLiteral, ...) as the TypeScript parsers.
 */
export function parserFor(filePath: string): ParserName {
  const ext = path.extname(filePath).toLowerCase();
  if (ext === '.ts' || ext === '.mts' || ext === '.cts') return 'ts';
  if (ext === '.tsx') return 'tsx';
  return 'babylon';
}

export interface ParsedFile {
  j: JSCodeshift;
  root: Collection<any>;
  /** Every comment of the file, in source order (babel keeps them on the File node). */
  comments: Array<{ start: number; end: number; value: string }>;
}

export function parseFile(source: string, filePath: string): ParsedFile {
  const j = jscodeshift.withParser(parserFor(filePath));
  let root: Collection<any>;
  try {
    root = j(source);
  } catch (err) {
    const e = err as { message?: string; loc?: { line: number; column: number } };
    const where = e.loc ? ` (line ${e.loc.line}, column ${e.loc.column + 1})` : '';
    throw new MigrationError(`cannot parse ${filePath}: ${String(e.message ?? err).replace(/ \(\d+:\d+\)$/, '')}${where}`,
      e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
  }
  // recast moves comments onto nodes; babel's token list still has them all, in order.
  const tokens: any[] = root.get().node.tokens ?? [];
  const comments = tokens
    .filter((t) => t.type === 'CommentLine' || t.type === 'CommentBlock')
    .map((t) => ({ start: t.start as number, end: t.end as number, value: String(t.value) }));
  return { j, root, comments };
}
