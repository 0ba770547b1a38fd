import * as path from 'path';
import { displayPath } from '../src/cli/display-path';

/** The fast path for files below the working directory says what path.relative says. */
const reference = (file: string, cwd: string) => (path.relative(cwd, file) || path.basename(file)).split(path.sep).join('/');

test.each([
  ['/repo/src/pages/a.js', '/repo'],
  ['/repo/src/pages/a.js', '/repo/'],
  ['/repo/a.js', '/repo'],
  ['/repo', '/repo'],
  ['/repo/.hidden/a.js', '/repo'],
  ['/repo/src//a.js', '/repo'],
  ['/repo2/a.js', '/repo'],
  ['/other/a.js', '/repo/src'],
  ['/a.js', '/'],
  ['/repo/src/../a.js', '/repo'],
])('%s from %s', (file, cwd) => {
  expect(displayPath(file, cwd)).toBe(reference(file, cwd));
});
