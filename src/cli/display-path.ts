import * as path from 'path';

/**
 * How a file is named in every output (report lines, JSON, diff headers): relative to the
 * working directory and with forward slashes, so that reports from Windows and Unix
 * machines compare equal and paths can be pasted back on the command line.
 */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath) || path.basename(filePath);
  return relative.split(path.sep).join('/');
}
