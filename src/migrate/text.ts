import { someNode } from './ast-walk';

/** Small text helpers for splicing code into a file without disturbing it. */

/** The whitespace that starts the line containing `offset`. */
export function lineIndent(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(source.slice(lineStart, offset + 1))![0];
}

/** True when only whitespace stands between the start of the line and `offset`. */
export function startsItsLine(source: string, offset: number): boolean {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*$/.test(source.slice(lineStart, offset));
}

/**
 * Moves a block of code from indentation `from` to indentation `to`: every line after the
 * first loses the prefix `from` and gains `to`. Returns the text unchanged when a line does
 * not start with `from` (hand-aligned code): better a little misaligned than changed.
 */
export function reindent(text: string, from: string, to: string): string {
  if (from === to) return text;
  const lines = text.split('\n');
  const out = [lines[0]];
  for (const line of lines.slice(1)) {
    if (/^[ \t]*\r?$/.test(line)) out.push(line);
    else if (line.startsWith(from)) out.push(to + line.slice(from.length));
    else return text;
  }
  return out.join('\n');
}

/** True when a node contains text whose line breaks are content (template literals, `\` line continuations). */
export function hasMultilineLiteral(node: any): boolean {
  return someNode(node, (n) =>
    n.type === 'TemplateElement'
      ? /\n/.test(n.value?.raw ?? '')
      : (n.type === 'StringLiteral' || n.type === 'Literal') && /\n/.test(n.extra?.raw ?? ''),
  );
}

/** Picks names that appear nowhere in the file, so nothing we add can clash or shadow. */
export class NameAllocator {
  private readonly taken: Set<string>;

  constructor(existingNames: Iterable<string>) {
    this.taken = new Set(existingNames);
  }

  /** Takes `name` as is, for a caller that checked by its own rules that it is free. */
  claim(name: string): string {
    this.taken.add(name);
    return name;
  }

  allocate(preferred: string): string {
    let name = preferred;
    for (let i = 2; this.taken.has(name); i++) name = `${preferred}${i}`;
    this.taken.add(name);
    return name;
  }
}
