import type { MigrateOptions } from '../migrate';
import { loadMigrateSource, Migrate, MigrateAnswer, migrateText } from './migrate-text';
import { messageOf } from './outcome';
import { WorkerPool, workerScriptAvailable } from './worker-pool';

/**
 * The pool starts only when the run is expected to hand it at least this many files
 * (estimated from the candidates found so far, see `progress`). A worker loads the bundle
 * and warms up its own JIT: its first files run several times slower, and V8's optimising
 * compiler takes about a second of CPU. On 2 cores two isolates migrating at once are each
 * about 35% slower than one alone (measured: two copies of the same cold migration of
 * 1,000 files side by side, 5.8 s alone, 7.7 s each together), and a worker migrating
 * while the main thread reads slows the reading as much: on 20,000 files with 200
 * candidates, one worker made the run 1.1x slower than the main thread alone.
 */
export const POOL_MIN_EXPECTED_FILES = 500;
const ESTIMATE_FROM = 8;

/**
 * Once reading is done, the main thread joins the workers only if at least this many files
 * still wait: its own JIT warm-up (the first files run several times slower, and V8's
 * optimising compiler takes about a second of CPU on the other core) costs more than it
 * saves on a short tail. Measured on 2 cores: two isolates migrating at once are each
 * about 35% slower than one alone, so a second isolate pays only on a long run.
 */
export const MAIN_THREAD_HELPS_FROM = 64;

/**
 * The queue holds the texts read ahead of the migration: the reader only waits when this
 * many files, or this many bytes, are queued. Reading ahead is cheap (a 1,000-file tree
 * of pages is 5 MB) and lets reading finish early, so that the main thread knows the
 * tail's length and is free to help.
 */
const MAX_QUEUED_FILES = 4096;
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

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
 * Hands candidate files to the migration: to worker threads when the run is expected to
 * have enough of them and the compiled worker exists, and to the main thread when there is
 * no pool, or once reading is done and a long tail waits (see MAIN_THREAD_HELPS_FROM).
 * Files wait in a queue until someone is free, so that a stop (Ctrl-C) can drop the files
 * not yet started: their promise resolves to null and they are not processed.
 */
export class MigrationScheduler {
  private readonly queue: Queued[] = [];
  /** Files handed to a worker and not answered yet. */
  private readonly inHand = new Set<Queued>();
  private pool: WorkerPool | null = null;
  private inputDone = false;
  private stopped = false;
  private draining = false;
  private roomWaiters: Array<() => void> = [];
  /** Some file was dropped by `stop()` without being migrated. */
  droppedAny = false;
  private canUsePool: boolean;
  /** Characters of the texts queued (not yet in hand): bounds memory with MAX_QUEUED_BYTES. */
  private queuedChars = 0;

  constructor(private readonly options: SchedulerOptions) {
    this.canUsePool = options.jobs > 0 && options.migrate === undefined && (options.workerScript !== undefined || workerScriptAvailable());
  }

  hasRoom(): boolean {
    return this.stopped || (this.queue.length < MAX_QUEUED_FILES && this.queuedChars * 2 < MAX_QUEUED_BYTES);
  }

  /** Resolves when `hasRoom()` may have become true. */
  waitForRoom(): Promise<void> {
    const room = new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    this.pump();
    return room;
  }

  /** Null when the file was dropped by `stop()` before it started. `options`: this file's, when they differ from the run's. */
  migrate(filePath: string, text: string, options: MigrateOptions = this.options.migrateOptions): Promise<MigrateAnswer | null> {
    if (this.stopped) {
      this.droppedAny = true;
      return Promise.resolve(null);
    }
    this.candidatesSeen++;
    return new Promise((resolve) => {
      this.enqueue({ filePath, text, options, resolve });
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
    this.queuedChars = 0;
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
    if (!this.pool && this.canUsePool && this.poolPaysOff()) {
      this.pool = new WorkerPool({ size: this.options.jobs, script: this.options.workerScript });
      this.pool.onReplaced = () => this.pump();
    }
    this.dispatchToPool();
    if (this.queue.length > 0 && this.mainThreadShouldMigrate()) void this.drainInMainThread();
  }

  private dispatchToPool(): void {
    const pool = this.pool;
    if (!pool || pool.broken) return;
    while (this.queue.length > 0 && pool.idleCount > 0) this.runInPool(pool, this.dequeue()!);
  }

  /**
   * The main thread migrates when there is no pool (none wanted, none possible, or its
   * workers cannot start), when the reader would otherwise wait with no pool to empty the
   * queue, and, once reading is done, when the tail is long enough to pay for its warm-up.
   */
  private mainThreadShouldMigrate(): boolean {
    if (!this.canUsePool || this.pool?.broken) return true;
    if (!this.pool) return this.inputDone || !this.hasRoom();
    if (this.inputDone && this.queue.length >= MAIN_THREAD_HELPS_FROM) this.mainThreadHelps = true;
    // Once warm, it stays on to the end.
    return this.inputDone && this.mainThreadHelps;
  }

  private mainThreadHelps = false;

  private enqueue(queued: Queued, first = false): void {
    if (first) this.queue.unshift(queued);
    else this.queue.push(queued);
    this.queuedChars += queued.text.length;
  }

  private dequeue(): Queued | undefined {
    const queued = this.queue.shift();
    if (queued) this.queuedChars -= queued.text.length;
    return queued;
  }

  /** Files the main thread migrated itself (for the tests). */
  migratedInMainThread = 0;

  /** Whether worker threads were started (for the tests and the bench). */
  get poolStarted(): boolean {
    return this.pool !== null;
  }

  /**
   * The candidates found so far, scaled to the whole run, reach POOL_MIN_EXPECTED_FILES.
   * Asked only from ESTIMATE_FROM candidates on: one candidate among the first files read
   * would scale to a pool for a tree that has a handful.
   */
  private poolPaysOff(): boolean {
    if (this.options.workerScript !== undefined || !this.progress || this.progress.read === 0) return true;
    if (this.candidatesSeen < ESTIMATE_FROM && !this.inputDone) return false;
    const expected = (this.candidatesSeen / this.progress.read) * this.progress.total;
    return expected >= POOL_MIN_EXPECTED_FILES;
  }

  private runInPool(pool: WorkerPool, queued: Queued): void {
    this.inHand.add(queued);
    void pool.run(queued.filePath, queued.text, queued.options).then((answer) => {
      this.inHand.delete(queued);
      if (answer !== null) {
        queued.resolve(answer);
      } else if (this.stopped) {
        this.droppedAny = true;
        queued.resolve(null);
      } else {
        // The worker could not even start: the file goes back to the front of the line.
        this.enqueue(queued, true);
      }
      this.pump();
      this.wakeReader();
    });
  }

  /**
   * One file per turn of the event loop, so that progress, Ctrl-C and the workers' answers
   * are seen between files; idle workers are served first at every turn.
   */
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
        this.dispatchToPool();
        if (!this.mainThreadShouldMigrate()) break;
        const queued = this.dequeue();
        if (!queued) break;
        const answer = migrateText(migrate, queued.text, queued.filePath, queued.options);
        this.migratedInMainThread++;
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
