import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { MigrateOptions } from '../migrate';
import { ProjectFacts } from './project-facts';
import { isOurShimFile, relativeSpecifier, ShimFile, shimFileFor, shimFileText } from './shim-file';

/**
 * Where shimmed sites get the shim from (SPEC §7), chosen once per run:
 * - `file` (default): a `startrecord-shim.js` the run writes once into each app's root,
 *   imported by relative path; nothing to install, nothing a toolchain cannot resolve;
 * - `module`: a package or alias the user names (`--shim-import startrecord-codemod-shim`),
 *   written as given;
 * - `path`: a file of the user's (`--shim-import ./src/utils/shim.js`), imported by relative path;
 * - `app-path`: `/utils/shim`, from each app's root (what users mean by a leading `/`,
 *   which WeChat itself resolves against the requiring file's folder).
 */
export type ShimSource =
  | { kind: 'file' }
  | { kind: 'module'; name: string }
  | { kind: 'path'; file: string }
  | { kind: 'app-path'; path: string };

export function parseShimImport(value: string | undefined, cwd: string): ShimSource {
  if (value === undefined) return { kind: 'file' };
  if (value.startsWith('/')) return { kind: 'app-path', path: value.slice(1) };
  if (value.startsWith('./') || value.startsWith('../')) return { kind: 'path', file: path.resolve(cwd, value) };
  return { kind: 'module', name: value };
}

/** A shim file the run added (or, in a dry run, would add). */
export interface AddedShimFile {
  file: string;
  /** Its `.d.ts`, when the app is a TypeScript one. */
  types?: string;
  /** How many files import it, in this run. */
  importedBy: number;
}

export class ShimDelivery {
  private readonly facts = new ProjectFacts();
  private readonly ready = new Map<string, Promise<string | null>>();
  private readonly addedFiles = new Map<string, AddedShimFile>();

  constructor(
    private readonly source: ShimSource,
    /** Plan the files, write none. */
    private readonly dry: boolean,
  ) {}

  /** The migration's options for this file: how it imports the shim, and its project's Taro version. */
  optionsFor(filePath: string, base: MigrateOptions): MigrateOptions {
    const root = this.facts.appRootOf(filePath);
    const options: MigrateOptions = { ...base, shimImport: this.specifierFor(filePath) };
    if (root.taroVersion && base.taroVersion === undefined) options.taroVersion = root.taroVersion;
    return options;
  }

  private specifierFor(filePath: string): string {
    switch (this.source.kind) {
      case 'module':
        return this.source.name;
      case 'path':
        return relativeSpecifier(filePath, this.source.file);
      case 'app-path':
        return relativeSpecifier(filePath, path.join(this.facts.appRootOf(filePath).dir, this.source.path));
      case 'file':
        return relativeSpecifier(filePath, this.fileFor(filePath).js);
    }
  }

  private fileFor(filePath: string): ShimFile {
    return shimFileFor(this.facts.appRootOf(filePath));
  }

  /**
   * Called before a file that now imports the shim is written: makes sure the shim file is
   * there (written once per app, atomically). Null when all is well, else why the file
   * must be left as it is.
   */
  async prepare(filePath: string): Promise<string | null> {
    if (this.source.kind !== 'file') return null;
    const shimFile = this.fileFor(filePath);
    // A TypeScript file in an app without tsconfig.json still wants the types.
    const wantsTypes = shimFile.dts ?? (/\.(tsx?|mts|cts|vue)$/.test(filePath) ? shimFile.js.replace(/\.js$/, '.d.ts') : null);
    const problem = (await this.writeOnce(shimFile.js, shimFileText(shimFile.kind === 'native' ? 'cjs' : 'esm'), shimFile.js)) ?? (wantsTypes ? await this.writeOnce(wantsTypes, shimFileText('dts'), shimFile.js) : null);
    const added = this.addedFiles.get(shimFile.js);
    if (!problem && added) added.importedBy++;
    return problem;
  }

  /** The shim files this run added (or would add), in the order they were added. */
  get added(): AddedShimFile[] {
    return [...this.addedFiles.values()];
  }

  /**
   * Each file is written once per run, whichever files ask for it first (a `.js` page and a
   * `.ts` page of one app both want the shim; only the second also wants its types).
   */
  private writeOnce(file: string, text: string, shimJs: string): Promise<string | null> {
    let pending = this.ready.get(file);
    if (!pending) {
      pending = this.write(file, text, shimJs);
      this.ready.set(file, pending);
    }
    return pending;
  }

  private async write(file: string, text: string, shimJs: string): Promise<string | null> {
    if (fs.existsSync(file)) {
      if (!isOurShimFile(file)) {
        return `${file} already exists and was not written by startrecord-codemod, so the shim could not be added there; rename that file, or name another module with --shim-import`;
      }
      // Ours, from this version: nothing to do. From an older one (without the playback
      // functions, say): replaced by this one, which has everything the older one had.
      if (fs.readFileSync(file, 'utf8') === text) return null;
    }
    if (!this.dry) {
      try {
        await writeNew(file, text);
      } catch (error) {
        return `could not write the shim file ${file}: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    const entry = this.addedFiles.get(shimJs) ?? { file: shimJs, importedBy: 0 };
    if (file !== shimJs) entry.types = file;
    this.addedFiles.set(shimJs, entry);
    return null;
  }
}

/** Written next to its place and renamed there (over an older copy), so that no half-written shim is ever seen. */
async function writeNew(file: string, text: string): Promise<void> {
  // The pid and a random part: two writers (jscodeshift's workers) never share a name.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}.startrecord-codemod.tmp`);
  await fs.promises.writeFile(temporary, text, { flag: 'wx' });
  try {
    await fs.promises.rename(temporary, file);
  } catch (error) {
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}
