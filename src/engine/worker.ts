/**
 * Worker thread entry of the compiled sources (dist/src/engine/worker.js). The published
 * package starts its one-file bundle instead (see worker-pool.ts and scripts/bundle.js).
 */
import { parentPort } from 'worker_threads';
import { serveMigrations } from './worker-serve';

serveMigrations(parentPort!);
