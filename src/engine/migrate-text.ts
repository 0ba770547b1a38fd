import type { MigrateOptions, MigrationResult, SiteReport } from '../migrate';
import { messageOf } from './outcome';

/** The shape of `migrateSource`; tests hand in their own to exercise the engine alone. */
export type Migrate = (source: string, filePath: string, options: MigrateOptions) => MigrationResult;

/**
 * What the migration answered for one file, as plain data that can be posted from a worker
 * thread (an Error object would lose its fields on the way). `output` is null when the
 * text comes back identical: then nothing is written and nothing is sent back.
 */
export type MigrateAnswer =
  | { kind: 'migrated'; output: string | null; sites: SiteReport[] }
  | { kind: 'failed'; error: string; line?: number; column?: number };

let migratedInThisThread = false;

/** Whether this thread has run a migration: then the migration's code is compiled, and worth a code cache (load-bundle.ts). */
export function ranMigrationInThisThread(): boolean {
  return migratedInThisThread;
}

/** Runs the migration on one text; never throws. */
export function migrateText(migrate: Migrate, text: string, filePath: string, options: MigrateOptions): MigrateAnswer {
  migratedInThisThread = true;
  let result: MigrationResult;
  try {
    result = migrate(text, filePath, options);
  } catch (error) {
    // Duck-typed rather than `instanceof MigrationError`, so that this module does not load
    // the migration (and its parser) in the main thread just to recognise its errors.
    const located = error as { line?: unknown; column?: unknown };
    const answer: MigrateAnswer = { kind: 'failed', error: messageOf(error) };
    if (typeof located?.line === 'number') answer.line = located.line;
    if (typeof located?.column === 'number') answer.column = located.column;
    return answer;
  }
  // The text decides, not the `changed` flag: writing identical bytes would only touch the
  // file's mtime and wake up watchers and build caches.
  return { kind: 'migrated', output: result.output === text ? null : result.output, sites: result.sites };
}

/** `migrateSource`, loaded on first use: runs that only read (or use workers) never pay for the parser here. */
export function loadMigrateSource(): Migrate {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../migrate') as typeof import('../migrate')).migrateSource;
}
