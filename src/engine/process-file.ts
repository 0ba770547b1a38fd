import type { MigrateOptions } from '../migrate';
import { Migrate } from './migrate-text';
import { failed, FileOutcome } from './outcome';
import { DEFAULT_MAX_BYTES } from './read-source';
import { runFiles } from './run-files';

export type { Migrate } from './migrate-text';
export type { ChangedFile, FailedFile, FileOutcome, UnchangedFile } from './outcome';

export interface ProcessOptions {
  /** Compute everything, write nothing. */
  dry: boolean;
  migrate?: Migrate;
  migrateOptions?: MigrateOptions;
  maxBytes?: number;
}

/**
 * One file through the same pipeline as a whole run (read once, cheap text test, migrate
 * in this thread, check and write atomically), for callers that have a single file. The
 * returned promise does not reject.
 */
export async function processFile(filePath: string, options: ProcessOptions): Promise<FileOutcome> {
  let outcome: FileOutcome | undefined;
  await runFiles(
    [filePath],
    {
      dry: options.dry,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      migrateOptions: options.migrateOptions ?? {},
      jobs: 0,
      keepTexts: true,
      migrate: options.migrate,
    },
    { onOutcome: (_index, result) => (outcome = result) },
  );
  return outcome ?? failed(filePath, 'internal error: the file was not processed');
}
