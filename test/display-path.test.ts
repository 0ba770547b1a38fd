import * as path from 'path';
import { displayPath } from '../src/cli/display-path';

/** The fast paths (below the working directory, and folder by folder elsewhere) say what path.relative says. */
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
  ['/repo/src/pages/a.js', '/repo/src/pages'],
  ['/repo/src/pages/a.js', '/repo/src/pages/a.js'],
  ['/repo/src/pages/a.js', '/repo/src/pages/a.js/x'],
  ['/repo/src/a.js/', '/tmp'],
  ['/tmp/tree/src/a.js', '/work/main'],
  ['/tmp/tree/src/.a.js', '/work/main'],
  ['/tmp/tree/src/./a.js', '/work/main'],
  ['/tmp/tree/src/a/..', '/work/main'],
  ['relative/a.js', '/work/main'],
])('%s from %s', (file, cwd) => {
  expect(displayPath(file, cwd)).toBe(reference(file, cwd));
});

test('files of one folder, then of others, then the same folder from another working directory (the folder is remembered)', () => {
  const files = ['/tmp/t/a/1.js', '/tmp/t/a/2.js', '/tmp/t/b/1.js', '/tmp/t/a/3.js', '/w/x.js', '/tmp/t/a/4.js'];
  for (const cwd of ['/work/main', '/tmp/t/b', '/tmp/t/a', '/', '/work/main']) {
    for (const file of files) expect([file, cwd, displayPath(file, cwd)]).toEqual([file, cwd, reference(file, cwd)]);
  }
});
