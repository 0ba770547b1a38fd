import * as fs from 'fs';
import * as path from 'path';
import { SHIM_FILE_BASENAME } from '../migrate/shim-imports';
import { AppRoot } from './project-facts';

/**
 * The shim file the codemod writes into an app (SPEC §7): the shim's own build, ES5, zero
 * dependencies, with a header saying what it is and when to delete it. CommonJS where
 * WeChat loads the files as they are (it cannot load an ES module file), an ES module
 * where a bundler builds the app (Vite's build does not convert CommonJS source files).
 * Imported by a relative path, which WeChat, webpack 4 and 5, Vite and TypeScript (node10,
 * node16, bundler) all resolve the same way.
 */
export const SHIM_FILE_HEADER = '// startrecord-shim (startrecord-codemod-shim ';

export interface ShimFile {
  /** Absolute path of the `.js` file. */
  js: string;
  /** Absolute path of its `.d.ts`, for TypeScript apps. */
  dts: string | null;
  kind: AppRoot['kind'];
}

export function shimFileFor(root: AppRoot): ShimFile {
  const base = path.join(root.dir, SHIM_FILE_BASENAME);
  return { js: `${base}.js`, dts: root.typescript ? `${base}.d.ts` : null, kind: root.kind };
}

/** `./startrecord-shim` or `../../startrecord-shim`: the shim file as `fromFile` imports it. */
export function relativeSpecifier(fromFile: string, target: string): string {
  let rel = path.relative(path.dirname(path.resolve(fromFile)), target).split(path.sep).join('/');
  rel = rel.replace(/\.(js|d\.ts)$/, '');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The text to write, from the build of the shim (dist/shim-files, see scripts/finish-shim-build.js). */
const shimTexts = new Map<string, string>();

export function shimFileText(which: 'cjs' | 'esm' | 'dts'): string {
  // Read once per run: every page that needs the shim asks for it.
  const known = shimTexts.get(which);
  if (known !== undefined) return known;
  const name = which === 'dts' ? `${SHIM_FILE_BASENAME}.d.ts` : `${SHIM_FILE_BASENAME}.${which}.js`;
  // dist/src/shim-delivery -> dist/shim-files when compiled; dist/bundle -> dist/shim-files in
  // the published bundle; src/shim-delivery -> dist/shim-files from source.
  const candidates = [
    path.join(__dirname, '..', '..', 'shim-files', name),
    path.join(__dirname, '..', 'shim-files', name),
    path.join(__dirname, '..', '..', 'dist', 'shim-files', name),
  ];
  for (const file of candidates) {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8');
      shimTexts.set(which, text);
      return text;
    }
  }
  throw new Error(`the shim's build is missing (${candidates[0]}); reinstall startrecord-codemod, or run npm run build in a clone`);
}

/** True for a file this codemod wrote (any version): it is never overwritten, and never an obstacle. */
export function isOurShimFile(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(SHIM_FILE_HEADER.length);
      fs.readSync(fd, buffer, 0, buffer.length, 0);
      return buffer.toString('utf8') === SHIM_FILE_HEADER;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}
