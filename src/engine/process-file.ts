import * as fs from 'fs';
import {
  MigrateOptions,
  MigrationError,
  MigrationResult,
  SiteReport,
  migrateSource,
  mightContainLegacyCalls,
} from '../migrate';
import { writeFileAtomic } from './write-atomic';

/** The shape of `migrateSource`; tests hand in their own to exercise the engine alone. */
export type Migrate = (source: string, filePath: string, options: MigrateOptions) => MigrationResult;

export interface ProcessOptions {
  /** Compute everything, write nothing. */
  dry: boolean;
  migrate?: Migrate;
  migrateOptions?: MigrateOptions;
}

export interface ChangedFile {
  status: 'changed';
  filePath: string;
  sites: SiteReport[];
  /** Both texts are kept so that the CLI can print a diff in `--dry`. */
  before: string;
  after: string;
}

export interface UnchangedFile {
  status: 'unchanged';
  filePath: string;
  /** Sites the migration found but left alone (skipped), if any. */
  sites: SiteReport[];
}

export interface FailedFile {
  status: 'error';
  filePath: string;
  error: string;
  /** Where the problem is, when the migration knows (parse errors). */
  line?: number;
  column?: number;
  /** Always empty: a file that failed is never partly migrated. */
  sites: SiteReport[];
}

export type FileOutcome = ChangedFile | UnchangedFile | FailedFile;

/**
 * One file through the pipeline: read once, cheap text test, migrate, write atomically.
 * Every failure becomes a `FailedFile` so that one bad file never stops the run; the
 * returned promise does not reject.
 */
export async function processFile(filePath: string, options: ProcessOptions): Promise<FileOutcome> {
  const migrate = options.migrate ?? migrateSource;

  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(filePath);
  } catch (error) {
    return failed(filePath, `could not read the file: ${messageOf(error)}`);
  }

  const source = decodeUtf8(bytes);
  if (source === null) {
    // The API names are ASCII, so a byte-level test is exact. Files in another encoding
    // (GBK comments are common in Chinese projects) cannot be rewritten without
    // corrupting their other characters, but they only matter if they have sites.
    if (!mightContainLegacyCalls(bytes.toString('latin1'))) return unchanged(filePath, []);
    return failed(filePath, 'the file is not valid UTF-8; convert it to UTF-8 and run the codemod again');
  }

  // Most files of a project never mention the API: skip the parse for them.
  if (!mightContainLegacyCalls(source)) return unchanged(filePath, []);

  let result: MigrationResult;
  try {
    result = migrate(source, filePath, options.migrateOptions ?? {});
  } catch (error) {
    const location = error instanceof MigrationError ? { line: error.line, column: error.column } : {};
    return failed(filePath, messageOf(error), location);
  }

  // The text decides, not the `changed` flag: writing identical bytes would only touch
  // the file's mtime and wake up watchers and build caches.
  if (result.output === source) return unchanged(filePath, result.sites);

  if (!options.dry) {
    try {
      await writeFileAtomic(filePath, result.output);
    } catch (error) {
      return failed(filePath, `could not write the file, it was left unchanged: ${messageOf(error)}`);
    }
  }
  return { status: 'changed', filePath, sites: result.sites, before: source, after: result.output };
}

/** `fatal` turns invalid bytes into an error instead of U+FFFD; `ignoreBOM` keeps a BOM in the text so it is written back. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

function unchanged(filePath: string, sites: SiteReport[]): UnchangedFile {
  return { status: 'unchanged', filePath, sites };
}

function failed(filePath: string, error: string, location: { line?: number; column?: number } = {}): FailedFile {
  const outcome: FailedFile = { status: 'error', filePath, error, sites: [] };
  if (location.line !== undefined) outcome.line = location.line;
  if (location.column !== undefined) outcome.column = location.column;
  return outcome;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
