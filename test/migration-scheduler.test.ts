import * as fs from 'fs';
import * as path from 'path';

/**
 * When the scheduler starts worker threads: only when the run is expected to hand them
 * enough files to pay for their start (POOL_MIN_EXPECTED_FILES), estimated from the
 * candidates found so far; and when the main thread joins them: once reading is done, on
 * a tail long enough (MAIN_THREAD_HELPS_FROM). Uses the compiled scheduler (dist/), whose
 * worker exists.
 */
const DIST = path.join(__dirname, '..', 'dist', 'src', 'engine', 'migration-scheduler.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { MigrationScheduler, POOL_MIN_EXPECTED_FILES, MAIN_THREAD_HELPS_FROM } = require(DIST) as typeof import('../src/engine/migration-scheduler');

const PAGE = 'Page({\n  b() {\n    wx.stopRecord()\n  },\n})\n';

async function run(read: number, total: number, files = 8): Promise<{ pool: boolean; outputs: string[]; inMain: number }> {
  const scheduler = new MigrationScheduler({ jobs: 1, migrateOptions: {} });
  scheduler.progress = { read, total };
  const answers = Array.from({ length: files }, (_, i) => scheduler.migrate(`p${i}.js`, PAGE));
  const pool = scheduler.poolStarted;
  scheduler.finishInput();
  const outputs = (await Promise.all(answers)).map((a) => String(a && a.kind === 'migrated' ? a.output : a && a.kind));
  await scheduler.close();
  return { pool, outputs, inMain: scheduler.migratedInMainThread };
}

test('the compiled scheduler is there (npm run build)', () => {
  expect(fs.existsSync(DIST)).toBe(true);
});

test('a run expected to hand the migration fewer files than the pool costs stays in the main thread', async () => {
  // 8 candidates among the first 800 files of 20,000: about 200 in all.
  const { pool, outputs, inMain } = await run(800, 20_000);
  expect(pool).toBe(false);
  expect(inMain).toBe(8);
  expect(outputs.every((o) => o.includes('recorderManager.stop()'))).toBe(true);
});

test('a run expected to hand it more starts the worker threads', async () => {
  // 8 candidates among the first 8 files of 1,000: about 1,000 in all.
  expect(1000).toBeGreaterThanOrEqual(POOL_MIN_EXPECTED_FILES);
  const { pool, outputs, inMain } = await run(8, 1000);
  expect(pool).toBe(true);
  // A short tail: the worker alone (the main thread would only warm up for it).
  expect(inMain).toBe(0);
  expect(outputs.every((o) => o.includes('recorderManager.stop()'))).toBe(true);
}, 20_000);

test('once reading is done, the main thread joins the worker on a long tail', async () => {
  const files = MAIN_THREAD_HELPS_FROM * 3;
  const { pool, outputs, inMain } = await run(8, 1000, files);
  expect(pool).toBe(true);
  expect(inMain).toBeGreaterThan(0);
  expect(inMain).toBeLessThan(files);
  expect(outputs).toHaveLength(files);
  expect(outputs.every((o) => o.includes('recorderManager.stop()'))).toBe(true);
}, 30_000);
