/**
 * Worker thread entry (compiled to dist/src/engine/worker.js): migrates the texts the main
 * thread sends, one at a time, and answers with plain data. It never touches the disk:
 * reading and writing stay in the main thread, which alone decides when a run stops.
 */
import { parentPort } from 'worker_threads';
import { loadMigrateSource, migrateText } from './migrate-text';
import type { MigrateReply, MigrateTask, ReadyMessage } from './worker-pool';

// Loaded at start, while the main thread is still reading files.
const migrate = loadMigrateSource();
const ready: ReadyMessage = { ready: true };
parentPort!.postMessage(ready);

parentPort!.on('message', (task: MigrateTask) => {
  const reply: MigrateReply = { id: task.id, answer: migrateText(migrate, task.text, task.filePath, task.options) };
  parentPort!.postMessage(reply);
});
