import * as path from 'path';

/**
 * How a file is named in every output (report lines, JSON, diff headers): relative to the
 * working directory and with forward slashes, so that reports from Windows and Unix
 * machines compare equal and paths can be pasted back on the command line.
 */
export function displayPath(filePath: string, cwd: string): string {
  // The common case, a file below the working directory, without path.relative's work
  // (the JSON report names every file of the run: 20,000 calls on a large tree).
  const prefix = cwd.endsWith(path.sep) ? cwd : cwd + path.sep;
  if (filePath.startsWith(prefix) && !filePath.includes(`${path.sep}.`) && !filePath.includes(path.sep + path.sep, prefix.length - 1)) {
    const rest = filePath.slice(prefix.length);
    if (rest !== '') return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  const relative = path.relative(cwd, filePath) || path.basename(filePath);
  return relative.split(path.sep).join('/');
}
