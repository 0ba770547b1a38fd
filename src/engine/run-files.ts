import type { MigrateOptions } from '../migrate';
import type { ShimDelivery } from '../shim-delivery';
import { Migrate, MigrateAnswer } from './migrate-text';
import { MigrationScheduler } from './migration-scheduler';
import { failed, FileOutcome, messageOf, unchanged } from './outcome';
import { readSource, SourceRead } from './read-source';
import { ChangedOnDiskError, WriteAbandonedError, writeFileAtomic } from './write-atomic';

export interface RunFilesOptions {
  /** Compute everything, write nothing. */
  dry: boolean;
  /** Files larger than this are not migrated (see read-source.ts). */
  maxBytes: number;
  migrateOptions: MigrateOptions;
  /** Worker threads for the migration; 0 migrates in the main thread. */
  jobs: number;
  /** Keep `before`/`after` on changed outcomes (for a diff or `--print`). */
  keepTexts: boolean;
  migrate?: Migrate;
  workerScript?: string;
  /**
   * How shimmed sites get the shim: their import, per file, and the shim file written into
   * the app before the first file that imports it (absent: `migrateOptions` as they are).
   */
  shimDelivery?: ShimDelivery;
}

export interface RunFilesHooks {
  /** Called once per processed file, in the order files finish (not the order given). */
  onOutcome(index: number, outcome: FileOutcome): void;
  /** Aborting stops the run after the files in hand: the others are not processed. */
  signal?: AbortSignal;
  /** Aborting stops the run now: the files in hand are dropped too, each keeping its old text. */
  abandon?: AbortSignal;
}

export interface RunFilesResult {
  /** True when a signal stopped the run before every file was processed. */
  stopped: boolean;
}

/** Reading works in slices of about this long, so that the event loop runs in between. */
const READ_SLICE_MS = 10;
/** Writes in progress at once: each ends with an fsync, and those are worth overlapping. */
const MAX_CONCURRENT_WRITES = 8;

/**
 * The pipeline over many files: read each file once (main thread, synchronous slices),
 * sort it with the cheap text test, send the candidates to the migration (worker threads
 * or main thread), and write the changed ones atomically (main thread, after checking that
 * the file on disk is still the text that was migrated). Every problem becomes a failed
 * outcome of its file; the returned promise does not reject.
 */
export async function runFiles(files: readonly string[], options: RunFilesOptions, hooks: RunFilesHooks): Promise<RunFilesResult> {
  const scheduler = new MigrationScheduler(options);
  const writes = new Limiter(MAX_CONCURRENT_WRITES);
  const inHand = new Set<Promise<void>>();
  const { signal, abandon } = hooks;
  const onStop = () => scheduler.stop();
  const onAbandon = () => scheduler.abandon();
  signal?.addEventListener('abort', onStop);
  abandon?.addEventListener('abort', onAbandon);
  const stopped = () => Boolean(signal?.aborted || abandon?.aborted);

  let next = 0;
  try {
    while (next < files.length && !stopped()) {
      const sliceEnds = Date.now() + READ_SLICE_MS;
      while (next < files.length && !stopped() && scheduler.hasRoom() && Date.now() <= sliceEnds) {
        const index = next++;
        const filePath = files[index];
        const read = readSource(filePath, options.maxBytes);
        scheduler.progress = { read: next, total: files.length };
        if (read.kind === 'candidate') {
          const work = finishCandidate(filePath, read, options, scheduler, writes, abandon)
            .catch((error: unknown) => failed(filePath, `internal error, the file was left unchanged: ${messageOf(error)}`))
            .then((outcome) => {
              if (outcome) hooks.onOutcome(index, outcome);
            });
          inHand.add(work);
          // Settled either way here; a rejection (a bug in onOutcome) surfaces through Promise.all below.
          work.then(
            () => inHand.delete(work),
            () => inHand.delete(work),
          );
        } else {
          hooks.onOutcome(index, read.kind === 'no-api' ? unchanged(filePath) : failed(filePath, read.reason));
        }
      }
      if (scheduler.hasRoom()) await new Promise((resolve) => setImmediate(resolve));
      else await scheduler.waitForRoom();
    }
    scheduler.finishInput();
    while (inHand.size > 0) await Promise.all([...inHand]);
  } finally {
    signal?.removeEventListener('abort', onStop);
    abandon?.removeEventListener('abort', onAbandon);
    await scheduler.close();
  }
  return { stopped: stopped() && (next < files.length || scheduler.droppedAny) };
}

/** Null when the file was dropped by a stop before its migration started. */
async function finishCandidate(
  filePath: string,
  read: Extract<SourceRead, { kind: 'candidate' }>,
  options: RunFilesOptions,
  scheduler: MigrationScheduler,
  writes: Limiter,
  abandon: AbortSignal | undefined,
): Promise<FileOutcome | null> {
  const delivery = options.shimDelivery;
  const fileOptions = delivery ? delivery.optionsFor(filePath, options.migrateOptions) : options.migrateOptions;
  const answer: MigrateAnswer | null = await scheduler.migrate(filePath, read.text, fileOptions);
  if (answer === null) return null;
  if (answer.kind === 'failed') return failed(filePath, answer.error, answer);
  if (answer.output === null) return unchanged(filePath, answer.sites);
  if (read.readOnly) {
    // Checked in dry runs too, so that a dry run predicts the real one. Renaming over a
    // read-only file would succeed (it is the folder that is written), and ignore the
    // owner's wish.
    return failed(filePath, 'the file is read-only, so it was left unchanged; make it writable to migrate it');
  }
  // The shim file goes in first: no file is ever written importing one that is not there.
  if (delivery && answer.sites.some((site) => site.action === 'shimmed')) {
    const problem = await delivery.prepare(filePath);
    if (problem !== null) return failed(filePath, `${problem}; the file was left unchanged`);
  }
  if (!options.dry) {
    try {
      await writes.run(() => writeFileAtomic(filePath, answer.output!, { expectedContent: read.bytes, signal: abandon }));
    } catch (error) {
      if (error instanceof WriteAbandonedError) return null;
      if (error instanceof ChangedOnDiskError) {
        return failed(filePath, 'the file changed on disk while the codemod ran, so it was left as it is now; run the codemod again');
      }
      return failed(filePath, `could not write the file, it was left unchanged: ${messageOf(error)}`);
    }
  }
  return options.keepTexts
    ? { status: 'changed', filePath, sites: answer.sites, before: read.text, after: answer.output }
    : { status: 'changed', filePath, sites: answer.sites };
}

/** At most `size` tasks at once; the others wait their turn. */
class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
