/**
 * The one file the package ships (dist/bundle/startrecord-codemod.js, built by
 * scripts/bundle.js with everything it uses inside, so the package has no runtime
 * dependencies): the CLI's `main` for bin/, the jscodeshift `transform` for
 * dist/transforms/, the library API for `require('startrecord-codemod')`, and, started as
 * a worker thread by the pool, the migration worker.
 */
import { isMainThread, parentPort, workerData } from 'worker_threads';
import { serveMigrations, WORKER_FLAG } from './engine/worker-serve';

export { main } from './cli/main';
export { ranMigrationInThisThread } from './engine/migrate-text';
export { default as transform } from '../transforms/startrecord-to-recorder-manager';
export * from './migrate';

if (!isMainThread && workerData && workerData[WORKER_FLAG]) serveMigrations(parentPort!);
