import * as fs from 'fs';
import * as path from 'path';
import { makeProject, removeTempDirs, runCli, STOP_PAGE } from './support/cli-project';

/** `startrecord-codemod check`: the guard a team runs in CI after the migration. */
afterAll(removeTempDirs);

const JSSDK_PAGE = "wx.config({ jsApiList: ['startRecord'] })\nwx.ready(() => wx.startRecord())\n";
const SHIMMED_PAGE = "Page({\n  async start() {\n    const res = await wx.startRecord()\n    this.setData({ voice: res.tempFilePath })\n  },\n  stop() {\n    wx.stopRecord()\n  },\n})\n";

test('a migrated project passes; a call added later fails it with file:line:column (exit 4)', async () => {
  const root = makeProject({ 'app.json': '{}\n', 'pages/a/a.js': STOP_PAGE, 'h5/voice.js': JSSDK_PAGE });
  expect((await runCli(['--force', '.'], root)).code).toBe(0);
  const clean = await runCli(['check', '.'], root);
  expect(clean.code).toBe(0);
  expect(clean.stdout).toContain('No live call of the deprecated recording or playback API.');

  fs.writeFileSync(path.join(root, 'pages/b.js'), "Page({\n  later() {\n    wx.stopRecord()\n  },\n})\n");
  const dirty = await runCli(['check', '.'], root);
  expect(dirty.code).toBe(4);
  expect(dirty.stdout).toContain('pages/b.js:3:5  stopRecord is still called (the codemod converts it)');
  // The JS-SDK page is not the mini-program API: never counted.
  expect(dirty.stdout).not.toContain('h5/voice.js');
});

test('playback: a playVoice the codemod would move fails the check; a page that only plays does not', async () => {
  const playsOnly = "Page({\n  play(e) {\n    wx.playVoice({ filePath: e.currentTarget.dataset.path })\n  },\n})\n";
  const recordsAac = "const recorderManager = wx.getRecorderManager()\nPage({\n  play() {\n    wx.playVoice({ filePath: this.data.path })\n  },\n})\n";
  const root = makeProject({ 'app.json': '{}\n', 'pages/list/list.js': playsOnly, 'pages/rec/rec.js': recordsAac });
  const result = await runCli(['check', '.'], root);
  expect(result.code).toBe(4);
  expect(result.stdout).toContain('pages/rec/rec.js:4:5  playVoice is still called (the codemod converts it)');
  expect(result.stdout).not.toContain('pages/list/list.js');
  expect(result.stdout).toContain('1 live call of the deprecated recording or playback API');
});

test('counts the calls left on the shim, and --max-shim fails above the number (exit 5)', async () => {
  const root = makeProject({ 'app.json': '{}\n', 'pages/a/a.js': SHIMMED_PAGE });
  await runCli(['--force', '.'], root);
  const counted = await runCli(['check', '--json', '.'], root);
  expect(counted.code).toBe(0);
  const report = JSON.parse(counted.stdout);
  expect(report.live).toEqual([]);
  expect(report.shim).toEqual({ calls: 2, files: [{ path: 'pages/a/a.js', calls: 2 }] });
  expect((await runCli(['check', '--max-shim', '2', '.'], root)).code).toBe(0);
  const over = await runCli(['check', '--max-shim', '1', '.'], root);
  expect(over.code).toBe(5);
  expect(over.stdout).toContain('2 calls through the runtime shim in 1 file (at most 1 allowed)');
});

test('usage errors: no path, a bad --max-shim', async () => {
  const root = makeProject({ 'a.js': STOP_PAGE });
  expect((await runCli(['check'], root)).code).toBe(2);
  expect((await runCli(['check', '--max-shim', 'many', '.'], root)).code).toBe(2);
  expect((await runCli(['check', '--help'], root)).code).toBe(0);
});
