import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { MigrateOptions } from '../migrate';
import type { MigrateAnswer } from './migrate-text';
import { WORKER_FLAG } from './worker-serve';

export interface MigrateTask {
  id: number;
  filePath: string;
  text: string;
  options: MigrateOptions;
}

export interface MigrateReply {
  id: number;
  answer: MigrateAnswer;
}

/** Sent once by a worker when the migration is loaded: a worker that dies before it never had a file's fault. */
export interface ReadyMessage {
  ready: true;
}

/** Defined (true) by scripts/bundle.js in the one-file bundle the package ships. */
declare const __STARTRECORD_BUNDLE__: boolean | undefined;

/**
 * The worker's script: in the published package, the bundle's loader (which loads the
 * bundle with the code cache; the bundle serves migrations when started with WORKER_FLAG),
 * else the compiled worker next to this module (absent when running from the TypeScript
 * sources: jest).
 */
export const WORKER_SCRIPT =
  typeof __STARTRECORD_BUNDLE__ !== 'undefined' && __STARTRECORD_BUNDLE__ ? path.join(__dirname, 'load-bundle.js') : path.join(__dirname, 'worker.js');

export function workerScriptAvailable(): boolean {
  return fs.existsSync(WORKER_SCRIPT);
}

export interface PoolOptions {
  size: number;
  script?: string;
  /** A file that takes longer is abandoned (its worker is replaced) and reported as an error. */
  taskTimeoutMs?: number;
}

interface Task {
  id: number;
  filePath: string;
  resolve: (answer: MigrateAnswer | null) => void;
  /** Started when the task reaches the head of its worker's line. */
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Posted, not answered yet: the head is in the worker's hands, the next waits in its port. */
  tasks: Task[];
}

/**
 * Files posted to a worker before it answers the one in hand: the next one is already in
 * its port when it finishes, so it never waits for the main thread (busy reading) to
 * send more.
 */
const TASKS_PER_WORKER = 2;

const DEFAULT_TASK_TIMEOUT_MS = 120_000;

/**
 * A smaller young generation than V8's default: each file's parse leaves a burst of
 * short-lived garbage, and with the default every worker holds on to far more memory than
 * it uses (measured on 300 all-legacy bench files with two workers: peak RSS 236 MB with
 * the default, 177 MB at 8 MB). At 8 MB the scavenger took a third of a worker's time once
 * the migration itself got faster; 16 MB (1,000 all-legacy files: 2.2 s, 162 MB, against
 * 3.2 s, 195 MB at 8 MB) is the balance. The old generation keeps its default, so that a
 * large file still fits.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/**
 * Worker threads that migrate one file each at a time. A worker that crashes (out of
 * memory, an uncaught error) or hangs only fails the file it had in hand: the file is
 * reported as an error, the worker is replaced and the run goes on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private nextId = 0;
  private closed = false;
  private startFailures = 0;
  /** Set when workers keep dying without a file in hand (they cannot even start): use another way. */
  broken: string | null = null;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i++) this.slots.push(this.spawn());
  }

  /** How many more files the workers can take now. */
  get idleCount(): number {
    if (this.broken) return 0;
    return this.slots.reduce((room, slot) => room + TASKS_PER_WORKER - slot.tasks.length, 0);
  }

  /**
   * Call only when `idleCount > 0`: the caller keeps its own queue so that it can drop work
   * on Ctrl-C. Null when the worker died before it could start (not the file's fault):
   * the caller hands the file on again.
   */
  run(filePath: string, text: string, options: MigrateOptions): Promise<MigrateAnswer | null> {
    // The least busy worker.
    const slot = this.slots.reduce<Slot | undefined>((best, s) => (s.tasks.length < TASKS_PER_WORKER && (!best || s.tasks.length < best.tasks.length) ? s : best), undefined);
    if (!slot || this.closed) throw new Error('internal error: no idle worker');
    return new Promise<MigrateAnswer | null>((resolve) => {
      const id = this.nextId++;
      slot.tasks.push({ id, filePath, resolve, timer: null });
      if (slot.tasks.length === 1) this.startTimer(slot);
      const task: MigrateTask = { id, filePath, text, options };
      slot.worker.postMessage(task);
    });
  }

  /** The head task's time limit, from when the worker starts on it. */
  private startTimer(slot: Slot): void {
    const head = slot.tasks[0];
    if (!head || head.timer) return;
    const timeoutMs = this.options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
    head.timer = setTimeout(() => {
      this.replace(slot, `the migration took more than ${Math.round(timeoutMs / 1000)} s on this file and was stopped; the file was left unchanged`);
    }, timeoutMs);
  }

  /** Stops every worker; files still in hand are answered as failed (nobody waits forever). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const slot of this.slots) {
      for (const task of slot.tasks.splice(0)) {
        if (task.timer) clearTimeout(task.timer);
        task.resolve({ kind: 'failed', error: 'the run ended before the migration of this file did' });
      }
    }
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.script ?? WORKER_SCRIPT, { resourceLimits: WORKER_LIMITS, workerData: { [WORKER_FLAG]: true } });
    const slot: Slot = { worker, ready: false, tasks: [] };
    worker.on('message', (message: MigrateReply | ReadyMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        return;
      }
      const reply = message;
      const task = slot.tasks[0];
      if (!task || task.id !== reply.id) return;
      if (task.timer) clearTimeout(task.timer);
      slot.tasks.shift();
      this.startTimer(slot);
      task.resolve(reply.answer);
    });
    worker.on('error', (error) => this.replace(slot, `the migration crashed on this file (${error.message}); the file was left unchanged`));
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, `the migration stopped on this file (worker exit code ${code}); the file was left unchanged`);
    });
    return slot;
  }

  /** Fails the slot's file with `reason` and puts a fresh worker in its place. */
  private replace(slot: Slot, reason: string): void {
    const index = this.slots.indexOf(slot);
    if (index === -1) return;
    const [task, ...waiting] = slot.tasks.splice(0);
    if (task) {
      if (task.timer) clearTimeout(task.timer);
      task.resolve(slot.ready ? { kind: 'failed', error: reason } : null);
    }
    // The files waiting behind it were never started: not their fault, they go round again.
    for (const next of waiting) next.resolve(null);
    void slot.worker.terminate();
    if (this.closed) return;
    if (!slot.ready && ++this.startFailures > this.options.size * 2) {
      this.broken = reason;
      this.slots.splice(index, 1);
      this.onReplaced?.();
      return;
    }
    this.slots[index] = this.spawn();
    this.onReplaced?.();
  }

  /** Called when a worker was replaced, so that the owner can hand the new one work. */
  onReplaced?: () => void;
}
