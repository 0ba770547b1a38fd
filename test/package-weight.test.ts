import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * The package as npm publishes it (`npm pack`), installed into an empty project with no
 * registry: no runtime dependency, a few MB, and every entry works from there (the CLI, its
 * worker threads, the jscodeshift transform, the library). Times are measured by
 * scripts/install-weight.js (the README quotes it), never asserted here.
 */
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measure } = require('../scripts/install-weight.js');

const LIMIT_BYTES = 10 * 1024 * 1024;
let m: { installedAt: string; work: string; dependencies: string[]; installedBytes: number; packedFiles: string[]; version: string };

beforeAll(() => {
  m = measure();
}, 120_000);
afterAll(() => m && fs.rmSync(m.work, { recursive: true, force: true }));

test('installs with no runtime dependency, under 10 MB', () => {
  expect(m.dependencies).toEqual([]);
  expect(m.installedBytes).toBeLessThan(LIMIT_BYTES);
  expect(m.version).toMatch(/^\d+\.\d+\.\d+/);
});

test('ships the bundle, the jscodeshift entry, the shim files and the types, not the unbundled JavaScript', () => {
  const files = m.packedFiles;
  for (const f of ['bin/startrecord-codemod.js', 'dist/bundle/startrecord-codemod.js', 'dist/bundle/load-bundle.js', 'dist/bundle/index.js', 'dist/transforms/startrecord-to-recorder-manager.js', 'dist/shim-files/startrecord-shim.cjs.js', 'dist/shim-files/startrecord-shim.esm.js', 'dist/src/index.d.ts', 'LICENSE', 'README.md']) {
    expect(files).toContain(f);
  }
  expect(files.filter((f) => /^dist\/src\/.*\.js$/.test(f))).toEqual([]);
});

test('the installed CLI migrates a page, with worker threads too', () => {
  const app = fs.mkdtempSync(path.join(m.work, 'project-'));
  fs.writeFileSync(path.join(app, 'app.json'), '{}\n');
  // Enough files for the pool to start (it leaves runs expected to hand it fewer than 500 to the main thread).
  for (let i = 0; i < 600; i++) fs.writeFileSync(path.join(app, `p${i}.js`), `Page({\n  a() { wx.startRecord({ success: (r) => this.setData({ f: r.tempFilePath }) }) },\n  b() { wx.stopRecord() },\n})\n`);
  const bin = path.join(m.installedAt, 'bin', 'startrecord-codemod.js');
  const out = execFileSync(process.execPath, [bin, '--json', '--dry', '-j', '2', '.'], { cwd: app, encoding: 'utf8' });
  const report = JSON.parse(out);
  expect(report.summary).toMatchObject({ files: 600, changed: 600, errors: 0, converted: 1200 });
});

test('the installed jscodeshift entry and library load and migrate, without any dependency installed', () => {
  const script = [
    `const transform = require(${JSON.stringify(path.join(m.installedAt, 'dist', 'transforms', 'startrecord-to-recorder-manager.js'))});`,
    `const lib = require(${JSON.stringify(m.installedAt)});`,
    "const source = 'Page({ b() { wx.stopRecord() } })\\n';",
    "Promise.resolve(transform({ path: 'p.js', source }, { report() {} }, { dry: true })).then((out) => {",
    '  process.stdout.write(JSON.stringify({ transformed: out, lib: lib.migrateSource(source, "p.js").output }));',
    '});',
  ].join('\n');
  const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: m.work, encoding: 'utf8' }));
  expect(result.transformed).toContain('const recorderManager = wx.getRecorderManager()');
  expect(result.transformed).toContain('recorderManager.stop()');
  expect(result.lib).toBe(result.transformed);
});

test('the library exports the documented API only', () => {
  const keys = execFileSync(process.execPath, ['-e', `process.stdout.write(Object.keys(require(${JSON.stringify(m.installedAt)})).sort().join(','))`], { cwd: m.work, encoding: 'utf8' });
  expect(keys).toBe('MigrationError,mightContainLegacyCalls,migrateSource');
});

test('the installed bundle serves migrations when the pool starts it as a worker thread', async () => {
  const { Worker } = await import('worker_threads');
  const worker = new Worker(path.join(m.installedAt, 'dist', 'bundle', 'startrecord-codemod.js'), { workerData: { startrecordCodemodWorker: true } });
  const messages: any[] = [];
  const reply = await new Promise<any>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (message) => {
      messages.push(message);
      if (message.ready) worker.postMessage({ id: 1, filePath: 'p.js', text: 'Page({ b() { wx.stopRecord() } })\n', options: {} });
      else resolve(message);
    });
  });
  await worker.terminate();
  expect(messages[0]).toEqual({ ready: true });
  expect(reply.id).toBe(1);
  expect(reply.answer.kind).toBe('migrated');
  expect(reply.answer.output).toContain('recorderManager.stop()');
});
