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
  const clean = !filePath.includes(`${path.sep}.`) && !filePath.includes(path.sep + path.sep);
  if (clean && filePath.startsWith(prefix)) {
    const rest = filePath.slice(prefix.length);
    if (rest !== '') return path.sep === '/' ? rest : rest.split(path.sep).join('/');
  }
  // Elsewhere (a tree outside the working directory), files come folder by folder: the
  // folder's relative path is worked out once for all its files.
  const cut = filePath.lastIndexOf(path.sep);
  if (clean && path.isAbsolute(filePath) && cut > 0 && cut < filePath.length - 1 && !isSelfOrAncestor(filePath, cwd)) {
    const folder = filePath.slice(0, cut);
    if (folder !== lastFolder || cwd !== lastCwd) {
      lastFolder = folder;
      lastCwd = cwd;
      lastRelativeFolder = path.relative(cwd, folder).split(path.sep).join('/');
    }
    const name = filePath.slice(cut + 1);
    return lastRelativeFolder === '' ? name : `${lastRelativeFolder}/${name}`;
  }
  const relative = path.relative(cwd, filePath) || path.basename(filePath);
  return relative.split(path.sep).join('/');
}

/** The folder route would name a file the working directory is in (or is) by its folder: leave it to path.relative. */
function isSelfOrAncestor(filePath: string, cwd: string): boolean {
  // path.relative compares Windows paths without case.
  const [file, dir] = path.sep === '\\' ? [filePath.toLowerCase(), cwd.toLowerCase()] : [filePath, cwd];
  return dir === file || dir.startsWith(file + path.sep);
}

let lastFolder = '';
let lastCwd = '';
let lastRelativeFolder = '';
