import type { MigrateOptions } from '../migrate';
import { loadMigrateSource, Migrate, MigrateAnswer, migrateText } from './migrate-text';
import { messageOf } from './outcome';
import { WorkerPool, workerScriptAvailable } from './worker-pool';

/**
 * Below this many files waiting for the migration, starting worker threads (each loads the
 * parser and jscodeshift, ~0.2 s) costs more than it saves: they are migrated in the main
 * thread once reading is done.
 */
export const POOL_THRESHOLD = 8;

/**
 * Starting the workers costs about as much CPU as migrating this many files (each loads
 * the bundle and warms up its own JIT; measured on 2 cores with `npm run bench`: on 20,000
 * files with 200 candidates the pool took 1.2x the time of the main thread alone). The
 * pool starts only when the run is expected to hand it at least this many files.
 */
export const POOL_MIN_EXPECTED_FILES = 500;

export interface SchedulerOptions {
  /** Worker threads to use; 0 migrates in the main thread. */
  jobs: number;
  migrateOptions: MigrateOptions;
  /** An injected migration (tests) cannot cross into a worker thread: it runs in the main thread. */
  migrate?: Migrate;
  /** An explicit worker script (tests, tools): the pool starts without the estimate. */
  workerScript?: string;
}

/** How far reading has got, for the estimate of how many files the migration will get. */
export interface ReadProgress {
  read: number;
  total: number;
}

interface Queued {
  filePath: string;
  text: string;
  options: MigrateOptions;
  resolve: (answer: MigrateAnswer | null) => void;
}

/**
 * Hands candidate files to the migration: to a pool of worker threads when there are
 * enough of them and the compiled worker exists, otherwise in the main thread. Files wait
 * in a queue until a worker is free, so that a stop (Ctrl-C) can drop the files not yet
 * started: their promise resolves to null and they are not processed.
 */
export class MigrationScheduler {
  private readonly queue: Queued[] = [];
  /** Files handed to a worker and not answered yet. */
  private readonly inHand = new Set<Queued>();
  private pool: WorkerPool | null = null;
  private running = 0;
  private inputDone = false;
  private stopped = false;
  private draining = false;
  private roomWaiters: Array<() => void> = [];
  /** Some file was dropped by `stop()` without being migrated. */
  droppedAny = false;
  private canUsePool: boolean;
  /** Bounds memory: the reader waits while this many files are queued or in hand. */
  readonly maxInFlight: number;

  constructor(private readonly options: SchedulerOptions) {
    this.canUsePool = options.jobs > 0 && options.migrate === undefined && (options.workerScript !== undefined || workerScriptAvailable());
    this.maxInFlight = Math.max(2 * POOL_THRESHOLD, options.jobs * 4);
  }

  hasRoom(): boolean {
    return this.stopped || this.queue.length + this.running < this.maxInFlight;
  }

  /** Resolves when `hasRoom()` may have become true. */
  waitForRoom(): Promise<void> {
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Null when the file was dropped by `stop()` before it started. `options`: this file's, when they differ from the run's. */
  migrate(filePath: string, text: string, options: MigrateOptions = this.options.migrateOptions): Promise<MigrateAnswer | null> {
    if (this.stopped) {
      this.droppedAny = true;
      return Promise.resolve(null);
    }
    this.candidatesSeen++;
    return new Promise((resolve) => {
      this.queue.push({ filePath, text, options, resolve });
      this.pump();
    });
  }

  /** No more files will come: whatever waits for a pool that will not start runs in the main thread. */
  finishInput(): void {
    this.inputDone = true;
    this.pump();
  }

  /** Drops the files not yet started; the ones in hand finish. */
  stop(): void {
    this.stopped = true;
    const dropped = this.queue.splice(0);
    if (dropped.length > 0) this.droppedAny = true;
    for (const queued of dropped) queued.resolve(null);
    this.wakeReader();
  }

  /** Drops the files in hand too: their answers, if any come, are ignored. */
  abandon(): void {
    this.stop();
    for (const queued of this.inHand) queued.resolve(null);
    if (this.inHand.size > 0) this.droppedAny = true;
    this.inHand.clear();
    void this.pool?.close();
  }

  async close(): Promise<void> {
    await this.pool?.close();
  }

  /** Files read so far and in all, set by the reader: the estimate that decides on the pool. */
  progress: ReadProgress | null = null;
  private candidatesSeen = 0;

  private pump(): void {
    if (this.stopped) return;
    if (!this.pool && this.canUsePool && this.queue.length >= POOL_THRESHOLD) {
      if (this.poolPaysOff()) {
        this.pool = new WorkerPool({ size: this.options.jobs, script: this.options.workerScript });
        this.pool.onReplaced = () => this.pump();
      } else {
        // Decided once: the rest of the run migrates in the main thread.
        this.canUsePool = false;
      }
    }
    if (this.pool && !this.pool.broken) {
      while (this.queue.length > 0 && this.pool.idleCount > 0) this.runInPool(this.pool, this.queue.shift()!);
      return;
    }
    // No pool (small run, no compiled worker, or workers that cannot start): the main thread.
    if (this.pool?.broken || !this.canUsePool || this.inputDone) void this.drainInMainThread();
  }

  /** Whether worker threads were started (for the tests and the bench). */
  get poolStarted(): boolean {
    return this.pool !== null;
  }

  /** The candidates found so far, scaled to the whole run, reach POOL_MIN_EXPECTED_FILES. */
  private poolPaysOff(): boolean {
    if (this.options.workerScript !== undefined || !this.progress || this.progress.read === 0) return true;
    const expected = (this.candidatesSeen / this.progress.read) * this.progress.total;
    return expected >= POOL_MIN_EXPECTED_FILES;
  }

  private runInPool(pool: WorkerPool, queued: Queued): void {
    this.running++;
    this.inHand.add(queued);
    void pool.run(queued.filePath, queued.text, queued.options).then((answer) => {
      this.running--;
      this.inHand.delete(queued);
      if (answer !== null) {
        queued.resolve(answer);
      } else if (this.stopped) {
        this.droppedAny = true;
        queued.resolve(null);
      } else {
        // The worker could not even start: the file goes back to the front of the line.
        this.queue.unshift(queued);
      }
      this.pump();
      this.wakeReader();
    });
  }

  /** One file per turn of the event loop, so that progress and Ctrl-C are seen between files. */
  private async drainInMainThread(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      let migrate: Migrate;
      try {
        migrate = this.options.migrate ?? loadMigrateSource();
      } catch (error) {
        // A broken install: every file says so, instead of the run crashing.
        const reason = `could not load the migration: ${messageOf(error)}`;
        migrate = () => {
          throw new Error(reason);
        };
      }
      while (this.queue.length > 0 && !this.stopped) {
        await new Promise((resolve) => setImmediate(resolve));
        const queued = this.queue.shift();
        if (!queued) break;
        this.running++;
        const answer = migrateText(migrate, queued.text, queued.filePath, queued.options);
        this.running--;
        queued.resolve(answer);
        this.wakeReader();
      }
    } finally {
      this.draining = false;
    }
  }

  private wakeReader(): void {
    for (const wake of this.roomWaiters.splice(0)) wake();
  }
}
