import type { MessagePort } from 'worker_threads';
import { loadMigrateSource, migrateText } from './migrate-text';
import type { MigrateReply, MigrateTask, ReadyMessage } from './worker-pool';

/**
 * What a worker thread does: migrate the texts the main thread sends, one at a time, and
 * answer with plain data. It never touches the disk: reading and writing stay in the main
 * thread, which alone decides when a run stops. Started by worker.ts (the compiled
 * sources) or by the one-file bundle when it finds itself in a worker (scripts/bundle.js).
 */
export function serveMigrations(port: MessagePort): void {
  // Loaded at start, while the main thread is still reading files.
  const migrate = loadMigrateSource();
  const ready: ReadyMessage = { ready: true };
  port.postMessage(ready);
  port.on('message', (task: MigrateTask) => {
    const reply: MigrateReply = { id: task.id, answer: migrateText(migrate, task.text, task.filePath, task.options) };
    port.postMessage(reply);
  });
}

/** Set in `workerData` by the pool: a bundle started with it serves migrations instead of exporting the CLI. */
export const WORKER_FLAG = 'startrecordCodemodWorker';
