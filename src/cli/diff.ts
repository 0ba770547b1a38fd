import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { Colors } from './colors';

/**
 * A unified diff of one file, with git's `a/` and `b/` prefixes so that the output of
 * `--dry` can be reviewed like a git diff and applied with `git apply` or `patch -p1`.
 * `displayPath` is relative to the working directory, with forward slashes.
 */
export function unifiedDiff(displayPath: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, {
    context: 3,
    // Without this, jsdiff starts each patch with a line of `=` signs that git does not print.
    headerOptions: FILE_HEADERS_ONLY,
  });
}

/** Colours a unified diff line by line the way `git diff` does. */
export function colorizeDiff(patch: string, colors: Colors): string {
  if (!colors.isColorSupported) return patch;
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return colors.bold(line);
      if (line.startsWith('@@')) return colors.cyan(line);
      if (line.startsWith('+')) return colors.green(line);
      if (line.startsWith('-')) return colors.red(line);
      return line;
    })
    .join('\n');
}
