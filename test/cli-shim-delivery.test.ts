import * as fs from 'fs';
import * as path from 'path';
import { makeProject, read, removeTempDirs, runCli } from './support/cli-project';

/**
 * The shim reaches the app by default (SPEC §7): the CLI writes `startrecord-shim.js` once
 * into each app's root, in the module style that app's toolchain loads, with types in
 * TypeScript apps, before any file that imports it; the files import it by relative path.
 */
afterAll(removeTempDirs);

// A page whose start cannot be converted (its Promise is used), so both sites go to the shim.
const SHIMMED_PAGE = [
  "const app = getApp()",
  '',
  'Page({',
  '  start() {',
  '    wx.startRecord().then(function (res) {',
  '      app.globalData.voice = res.tempFilePath',
  '    })',
  '  },',
  '  stop() {',
  '    wx.stopRecord()',
  '  },',
  '})',
  '',
].join('\n');

const TARO_PAGE = [
  "import Taro from '@tarojs/taro'",
  '',
  'export async function recordOnce(): Promise<string> {',
  '  const res = await Taro.startRecord({})',
  '  return res.tempFilePath',
  '}',
  '',
  'export function stopNow(): void {',
  '  Taro.stopRecord()',
  '}',
  '',
].join('\n');

function nativeApp(): string {
  return makeProject({
    'app.json': '{ "pages": ["pages/voice/voice"] }\n',
    'app.js': 'App({ globalData: {} })\n',
    'pages/voice/voice.js': SHIMMED_PAGE,
    'pages/voice/voice.json': '{}\n',
    'pages/other/other.js': SHIMMED_PAGE,
  });
}

test('native app without package.json: one CommonJS shim file at the app root, imported by relative paths, named in the report', async () => {
  const root = nativeApp();
  const result = await runCli(['--force', '.'], root);
  expect(result.code).toBe(0);
  expect(read(root, 'pages/voice/voice.js')).toContain("const { startRecord, stopRecord } = require('../../startrecord-shim')");
  expect(read(root, 'pages/other/other.js')).toContain("require('../../startrecord-shim')");
  const shim = read(root, 'startrecord-shim.js');
  expect(shim).toMatch(/^\/\/ startrecord-shim \(startrecord-codemod-shim /);
  expect(shim).toContain('exports.startRecord = startRecord');
  expect(shim).not.toMatch(/^export /m);
  expect(fs.existsSync(path.join(root, 'startrecord-shim.d.ts'))).toBe(false);
  expect(result.stdout).toContain('Added the shim');
  expect(result.stdout).toMatch(/startrecord-shim\.js {2}\(imported by 2 files/);
});

test('a native app with JavaScript and TypeScript pages and no tsconfig.json: the shim and its types are written once, every page is migrated', async () => {
  const root = makeProject({
    'app.json': '{ "pages": ["pages/a/a", "pages/b/b"] }\n',
    'pages/a/a.js': SHIMMED_PAGE,
    'pages/b/b.ts': SHIMMED_PAGE,
    'pages/c/c.js': SHIMMED_PAGE,
    'pages/d/d.ts': SHIMMED_PAGE,
  });
  const result = await runCli(['--force', '--json', '.'], root);
  expect(result.code).toBe(0);
  const report = JSON.parse(result.stdout);
  expect(report.summary).toMatchObject({ changed: 4, errors: 0 });
  for (const page of ['a/a.js', 'b/b.ts', 'c/c.js', 'd/d.ts']) expect(read(root, `pages/${page}`)).toContain('startrecord-shim');
  expect(read(root, 'startrecord-shim.js')).toContain('exports.startRecord = startRecord');
  expect(read(root, 'startrecord-shim.d.ts')).toContain('startRecord');
  expect(fs.readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('a shim file written by an older version (no playback functions) is replaced, so a newly shimmed playVoice finds its function', async () => {
  const root = nativeApp();
  expect((await runCli(['--force', '.'], root)).code).toBe(0);
  const current = read(root, 'startrecord-shim.js');
  const older = current.replace(/exports\.playVoice = playVoice;?\n/, '');
  expect(older).not.toBe(current);
  fs.writeFileSync(path.join(root, 'startrecord-shim.js'), older);
  fs.writeFileSync(path.join(root, 'pages/echo.js'), "Page({\n  a() { wx.startRecord({ success: (r) => { this.p = r.tempFilePath } }) },\n  play() { wx.playVoice({ filePath: this.p, complete: () => this.setData({ on: false }) }) },\n})\n");
  expect((await runCli(['--force', '.'], root)).code).toBe(0);
  expect(read(root, 'pages/echo.js')).toContain("const { playVoice } = require('../startrecord-shim')");
  expect(read(root, 'startrecord-shim.js')).toBe(current);
});

test('a dry run writes no shim file and says it would add one; the JSON report lists it', async () => {
  const root = nativeApp();
  const dry = await runCli(['--dry', '.'], root);
  expect(dry.code).toBe(0);
  expect(fs.existsSync(path.join(root, 'startrecord-shim.js'))).toBe(false);
  expect(dry.stdout).toContain('The shim would be added');
  const json = JSON.parse((await runCli(['--dry', '--json', '.'], root)).stdout);
  expect(json.added).toEqual([{ path: 'startrecord-shim.js', importedBy: 2 }]);
});

test('a second run adds nothing and changes nothing', async () => {
  const root = nativeApp();
  await runCli(['--force', '.'], root);
  const before = read(root, 'pages/voice/voice.js');
  const again = await runCli(['--force', '--json', '.'], root);
  expect(JSON.parse(again.stdout).added).toBeUndefined();
  expect(read(root, 'pages/voice/voice.js')).toBe(before);
});

test('a file of the same name that the codemod did not write is never overwritten: the pages that need the shim are left as they were', async () => {
  const root = nativeApp();
  fs.writeFileSync(path.join(root, 'startrecord-shim.js'), 'module.exports = {}\n');
  const result = await runCli(['--force', '--json', '.'], root);
  expect(result.code).toBe(1);
  expect(read(root, 'startrecord-shim.js')).toBe('module.exports = {}\n');
  expect(read(root, 'pages/voice/voice.js')).toBe(SHIMMED_PAGE);
  const errors = JSON.parse(result.stdout).files.filter((f: { status: string }) => f.status === 'error');
  expect(errors[0].error).toContain('was not written by startrecord-codemod');
});

test('Taro TypeScript project: an ES module shim and its .d.ts in src/, the unused Taro import gone', async () => {
  const root = makeProject({
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '3.6.8' } }),
    'tsconfig.json': '{}\n',
    'src/app.config.ts': 'export default { pages: [] }\n',
    'src/pages/memo/index.ts': TARO_PAGE,
  });
  const result = await runCli(['--force', 'src'], root);
  expect(result.code).toBe(0);
  const page = read(root, 'src/pages/memo/index.ts');
  expect(page).toContain("import { startRecord, stopRecord } from '../../startrecord-shim'");
  expect(page).not.toContain('@tarojs/taro');
  expect(read(root, 'src/startrecord-shim.js')).toMatch(/^export function startRecord\(/m);
  expect(read(root, 'src/startrecord-shim.d.ts')).toContain('export declare function startRecord');
});

test("Taro before 3.3.1 (from the installed @tarojs/taro): the shim's startRecordPromise, which returns its Promise even with callbacks", async () => {
  const page = "import Taro from '@tarojs/taro'\nexport const go = () => Taro.startRecord({ fail: () => {} }).then((r) => r.tempFilePath)\nexport const stop = () => Taro.stopRecord()\n";
  const root = makeProject({
    'package.json': JSON.stringify({ dependencies: { '@tarojs/taro': '^3.0.0' } }),
    'node_modules/@tarojs/taro/package.json': JSON.stringify({ name: '@tarojs/taro', version: '3.2.5' }),
    'src/app.js': 'export default {}\n',
    'src/pages/a.js': page,
  });
  await runCli(['--force', 'src'], root);
  expect(read(root, 'src/pages/a.js')).toContain("import { startRecordPromise, stopRecord } from '../startrecord-shim'");
});

test('--shim-import with a package name: imported as given, no file written', async () => {
  const root = nativeApp();
  await runCli(['--force', '--shim-import', 'startrecord-codemod-shim', '.'], root);
  expect(read(root, 'pages/voice/voice.js')).toContain("require('startrecord-codemod-shim')");
  expect(fs.existsSync(path.join(root, 'startrecord-shim.js'))).toBe(false);
});
