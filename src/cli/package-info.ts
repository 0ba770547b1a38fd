import * as fs from 'fs';
import * as path from 'path';

const PACKAGE_NAME = 'startrecord-codemod';

/**
 * The version from our own package.json. We look for it by walking up instead of a fixed
 * `require('../../package.json')` because this file runs from two depths: `src/cli/` under
 * jest and `dist/src/cli/` once built.
 */
export function readPackageVersion(startDir: string = __dirname): string {
  let dir = startDir;
  for (;;) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE_NAME && pkg.version) return pkg.version;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return '0.0.0-unknown';
    dir = parent;
  }
}
