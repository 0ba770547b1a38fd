/**
 * Text edits over the original source. We splice text instead of reprinting the AST so
 * that every byte we did not mean to change stays as it was (recast reprinting untouched
 * code is the top complaint about codemods), and so that the code we write follows the
 * file's style exactly.
 *
 * An edit may contain other edits (a `stopRecord()` inside a callback that moves along with
 * its `startRecord`); its `build` receives a `render` that returns any range of the
 * original with the inner edits applied. Every inner edit must be rendered by its parent.
 */
export type Render = (start: number, end: number) => string;

export interface Edit {
  start: number;
  end: number;
  build: (render: Render) => string;
}

/**
 * Where an outermost edit landed: `[start, end)` of the source became `[outStart, outEnd)`
 * of the output; the text between two spans is the source's, unchanged.
 */
export interface EditSpan {
  start: number;
  end: number;
  outStart: number;
  outEnd: number;
}

export function applyEdits(source: string, edits: Edit[]): string {
  return applyEditsWithSpans(source, edits).output;
}

/** The output, and where each outermost edit landed in it, in source order. */
export function applyEditsWithSpans(source: string, edits: Edit[]): { output: string; spans: EditSpan[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const consumed = new Set<Edit>();
  const spans: EditSpan[] = [];
  let depth = 0;

  const render = (start: number, end: number): string => {
    let out = '';
    let cursor = start;
    for (const edit of sorted) {
      if (edit.start < start || edit.end > end || edit.start < cursor) continue;
      // Zero-width insertions at the very edge of a range belong to the outer level.
      if (edit.start === edit.end && (edit.start === start || edit.start === end) && start !== 0) continue;
      if (isInsideAnother(edit, sorted, start, end)) continue;
      out += source.slice(cursor, edit.start);
      depth++;
      const text = edit.build(render);
      depth--;
      // At the top level `out` is the output so far: the span's place in the output.
      if (depth === 0) spans.push({ start: edit.start, end: edit.end, outStart: out.length, outEnd: out.length + text.length });
      out += text;
      consumed.add(edit);
      cursor = edit.end;
    }
    return out + source.slice(cursor, end);
  };

  const output = render(0, source.length);
  if (consumed.size !== sorted.length) {
    throw new Error('internal: an edit nested inside another edit was not rendered');
  }
  return { output, spans };
}

/** True when `edit` lies inside a larger edit that is itself inside [start, end). */
function isInsideAnother(edit: Edit, all: Edit[], start: number, end: number): boolean {
  return all.some(
    (other) =>
      other !== edit &&
      other.start >= start &&
      other.end <= end &&
      other.start <= edit.start &&
      other.end >= edit.end &&
      other.end - other.start > edit.end - edit.start,
  );
}
