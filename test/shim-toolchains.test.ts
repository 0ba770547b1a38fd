import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { runCli } from './support/cli-project';
import { listFixtures } from './support/fixtures';
import {
  analyseMiniprogram,
  makeProject,
  makeTypecheckProject,
  packNpm,
  removeTempDirs,
  resolveWithWebpack,
  TypecheckPreset,
  typecheckProject,
  writeFiles,
} from './support/toolchains';

/**
 * Migrated apps build where users build them (SPEC §7), proven with the real tools: the
 * CLI's default run (and the package route) on a native app without package.json, a
 * native app with npm, and a Taro TypeScript project; then WeChat's code analysis and
 * build npm (miniprogram-ci), TypeScript 5 with Taro's template tsconfig and with node16
 * and bundler resolution, and webpack 4's and 5's resolvers on every import the run wrote.
 */
jest.setTimeout(120_000);
afterAll(removeTempDirs);

const REPO = path.join(__dirname, '..');

// Pages in the styles native apps are written in; both have sites that go to the shim.
const ES5_PAGE = [
  "var util = require('../../utils/util.js')",
  '',
  'Page({',
  '  data: { voice: "" },',
  '  start: function () {',
  '    var that = this',
  '    wx.startRecord().then(function (res) {',
  '      that.setData({ voice: util.name(res.tempFilePath) })',
  '    })',
  '  },',
  '  stop: function () {',
  '    wx.stopRecord()',
  '  }',
  '})',
  '',
].join('\n');

const MODULE_PAGE = [
  "import { name } from '../../utils/util.js'",
  '',
  'Page({',
  '  async start() {',
  '    const res = await wx.startRecord({})',
  '    this.setData({ voice: name(res.tempFilePath) })',
  '  },',
  '  stop() {',
  '    wx.stopRecord()',
  '  },',
  '})',
  '',
].join('\n');

function nativeAppFiles(): Record<string, string> {
  return {
    'project.config.json': JSON.stringify({ appid: 'wx0000000000000000', compileType: 'miniprogram', setting: { es6: true } }),
    'app.json': JSON.stringify({ pages: ['pages/voice/voice', 'pages/memo/memo', 'pages/echo/echo', 'pages/listen/listen'] }),
    'app.js': 'App({})\n',
    'utils/util.js': 'module.exports.name = function (p) { return String(p).split("/").pop() }\n',
    'pages/voice/voice.js': ES5_PAGE,
    'pages/voice/voice.json': '{}\n',
    'pages/voice/voice.wxml': '<view bindtouchstart="start" bindtouchend="stop">hold</view>\n',
    'pages/memo/memo.js': MODULE_PAGE,
    'pages/memo/memo.json': '{}\n',
    'pages/memo/memo.wxml': '<view bindtap="start">memo</view>\n',
    // Playback: to the shim's playVoice (callbacks), and written in place (none).
    'pages/echo/echo.js': fs.readFileSync(path.join(REPO, 'test', 'corpus', 'native-es5-record-playback.js'), 'utf8').replace("require('../../utils/util.js')", "require('../../utils/util')"),
    'pages/echo/echo.json': '{}\n',
    'pages/echo/echo.wxml': '<view bindtap="playVoice">echo</view>\n',
    'pages/listen/listen.js': fs.readFileSync(path.join(REPO, '__testfixtures__', 'playback-native-inline.input.js'), 'utf8').replace("require('../../utils/recorder')", "require('../../utils/util')"),
    'pages/listen/listen.json': '{}\n',
    'pages/listen/listen.wxml': '<view bindtap="listen">listen</view>\n',
  };
}

/** The specifiers of the shim imports in `code`, each once (ES5 files require it once per name). */
function shimImports(code: string): string[] {
  return [...new Set([...code.matchAll(/(?:from\s*|require\()\s*['"]([^'"]*startrecord[^'"]*)['"]/g)].map((m) => m[1]))];
}

async function expectResolvedByWebpack(files: string[]): Promise<void> {
  let checked = 0;
  for (const file of files) {
    for (const request of shimImports(fs.readFileSync(file, 'utf8'))) {
      for (const version of [4, 5] as const) {
        const resolved = await resolveWithWebpack(version, file, request);
        expect({ file, request, version, resolved: resolved !== null }).toEqual({ file, request, version, resolved: true });
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
}

/** The package as `npm install startrecord-codemod-shim` lays it out (its `files`). */
function installShimPackage(projectDir: string): void {
  const target = path.join(projectDir, 'node_modules', 'startrecord-codemod-shim');
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'shim', 'package.json'), 'utf8'));
  fs.mkdirSync(target, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'shim', 'package.json'), path.join(target, 'package.json'));
  for (const entry of pkg.files as string[]) {
    const from = path.join(REPO, 'shim', entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
}

describe('native app without package.json, the default run', () => {
  let root: string;
  beforeAll(async () => {
    root = makeProject(nativeAppFiles());
    const result = await runCli(['--force', '--yes', '.'], root);
    expect(result.code).toBe(0);
  });

  test('the pages import the shim file the run wrote at the app root', () => {
    expect(shimImports(fs.readFileSync(path.join(root, 'pages/voice/voice.js'), 'utf8'))).toEqual(['../../startrecord-shim']);
    expect(shimImports(fs.readFileSync(path.join(root, 'pages/memo/memo.js'), 'utf8'))).toEqual(['../../startrecord-shim']);
    const echo = fs.readFileSync(path.join(root, 'pages/echo/echo.js'), 'utf8');
    expect(shimImports(echo)).toEqual(['../../startrecord-shim']);
    expect(echo).toMatch(/legacyPlayVoice\(\{/);
    expect(fs.readFileSync(path.join(root, 'pages/listen/listen.js'), 'utf8')).toContain('var innerAudioContext = wx.createInnerAudioContext()');
    expect(fs.existsSync(path.join(root, 'startrecord-shim.js'))).toBe(true);
  });

  test("WeChat's code analysis resolves every require and import", async () => {
    const analysis = await analyseMiniprogram(root);
    expect(analysis.unresolved).toEqual([]);
    expect(analysis.moduleErrors).toEqual([]);
  });

  test("the control: the same pages importing the CLI's old module path are reported unresolved", async () => {
    const control = makeProject(nativeAppFiles());
    await runCli(['--force', '--yes', '--shim-import', 'startrecord-codemod/shim', '.'], control);
    const analysis = await analyseMiniprogram(control);
    expect(analysis.unresolved).toContain('startrecord-codemod/shim');
  });

  test('webpack 4 and 5 resolve the imports too (mpvue/Taro builds of the same code)', async () => {
    await expectResolvedByWebpack(['voice/voice', 'memo/memo', 'echo/echo'].map((p) => path.join(root, `pages/${p}.js`)));
  });
});

describe('native app with npm', () => {
  test("the package route: build npm packs startrecord-codemod-shim alone (no dependencies, under 64 KB) and the analysis resolves it", async () => {
    const root = makeProject({
      ...nativeAppFiles(),
      'package.json': JSON.stringify({ name: 'voice-app', private: true, dependencies: { 'startrecord-codemod-shim': '^0.1.0' } }),
    });
    installShimPackage(root);
    const result = await runCli(['--force', '--yes', '--shim-import', 'startrecord-codemod-shim', '--ignore', 'node_modules', '.'], root);
    expect(result.code).toBe(0);
    expect(shimImports(fs.readFileSync(path.join(root, 'pages/voice/voice.js'), 'utf8'))).toEqual(['startrecord-codemod-shim']);
    const packed = await packNpm(root);
    expect(packed.ok).toBe(true);
    expect(packed.miniprogramNpmBytes).toBeGreaterThan(1000);
    expect(packed.miniprogramNpmBytes).toBeLessThan(64 * 1024);
    const analysis = await analyseMiniprogram(root);
    expect(analysis.unresolved).toEqual([]);
  });

  test('the default run in an app with npm writes the file at the app root too, which the analysis resolves', async () => {
    const root = makeProject({ ...nativeAppFiles(), 'package.json': JSON.stringify({ name: 'voice-app', private: true }) });
    expect((await runCli(['--force', '--yes', '.'], root)).code).toBe(0);
    expect((await analyseMiniprogram(root)).unresolved).toEqual([]);
  });
});

describe('Taro TypeScript project with the template tsconfig', () => {
  // Every TypeScript fixture that uses Taro, as a page of one project.
  const taroFixtures = listFixtures().filter((f) => !f.negative && ['ts', 'tsx'].includes(f.ext) && f.input.includes('@tarojs/taro'));
  let project: string;
  let inputs: string;
  let pages: string[];

  beforeAll(async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'taro-voice', private: true, dependencies: { '@tarojs/taro': '4.2.1' } }),
      'src/app.config.ts': "export default { pages: ['pages/index/index'] }\n",
      'types/global.d.ts': '/// <reference types="miniprogram-api-typings" />\n',
      'src/components.d.ts': "declare module '@tarojs/components' {\n  import type { ComponentType } from 'react'\n  export const View: ComponentType<any>\n  export const Button: ComponentType<any>\n  export const Text: ComponentType<any>\n}\n",
    };
    pages = taroFixtures.map((f) => `src/pages/${f.name}/index.${f.ext}`);
    taroFixtures.forEach((f, i) => (files[pages[i]] = f.input));
    inputs = makeTypecheckProject(files);
    project = makeTypecheckProject(files);
    writeFiles(project, { 'tsconfig.json': '{}\n' });
    const result = await runCli(['--force', '--yes', 'src'], project);
    expect(result.code).toBe(0);
  });

  test('there are Taro TypeScript fixtures, and some go to the shim', () => {
    expect(taroFixtures.length).toBeGreaterThanOrEqual(5);
    expect(pages.some((p) => shimImports(fs.readFileSync(path.join(project, p), 'utf8')).length > 0)).toBe(true);
    expect(fs.existsSync(path.join(project, 'src/startrecord-shim.d.ts'))).toBe(true);
  });

  test.each(['taro-template', 'node16', 'bundler'] as TypecheckPreset[])('%s: the migrated pages add no type error', (preset) => {
    const extra = ['types/global.d.ts', 'src/components.d.ts'];
    const before = typecheckProject([...pages, ...extra], preset, inputs).errors;
    const after = typecheckProject([...pages, ...extra], preset, project).errors;
    const added = after.filter((e) => !before.includes(e));
    expect(added).toEqual([]);
  });

  test('the check catches an unused Taro import (TS6133), as a kept import would be', () => {
    writeFiles(project, { 'src/probe.ts': "import Taro from '@tarojs/taro'\nexport const n = 1\n" });
    expect(typecheckProject(['src/probe.ts'], 'taro-template', project).errors.join('\n')).toContain('TS6133');
  });

  test('webpack 4 and 5 resolve every shim import', async () => {
    await expectResolvedByWebpack(pages.map((p) => path.join(project, p)));
  });

  test('the package route type-checks under node10 (no subpath, types at the root) and resolves in webpack 4 and 5', async () => {
    const packaged = makeTypecheckProject({
      'package.json': JSON.stringify({ name: 'taro-voice', private: true, dependencies: { '@tarojs/taro': '4.2.1' } }),
      'src/app.config.ts': 'export default {}\n',
      'src/pages/memo/index.ts': listFixtures().find((f) => f.name === 'shim-promise-forms')!.input,
    });
    installShimPackage(packaged);
    await runCli(['--force', '--yes', '--shim-import', 'startrecord-codemod-shim', 'src'], packaged);
    const page = path.join(packaged, 'src/pages/memo/index.ts');
    expect(shimImports(fs.readFileSync(page, 'utf8'))).toEqual(['startrecord-codemod-shim']);
    expect(typecheckProject(['src/pages/memo/index.ts'], 'taro-template', packaged).errors).toEqual([]);
    await expectResolvedByWebpack([page]);
  });
});

test("jscodeshift's own runner writes the shim file too, and the analysis resolves what it wrote", async () => {
  const root = makeProject(nativeAppFiles());
  const transform = path.join(REPO, 'dist', 'transforms', 'startrecord-to-recorder-manager.js');
  const bin = path.join(REPO, 'node_modules', 'jscodeshift', 'bin', 'jscodeshift.js');
  await promisify(execFile)(process.execPath, [bin, '--no-babel', '-t', transform, '--extensions=js', 'pages'], { cwd: root });
  expect(shimImports(fs.readFileSync(path.join(root, 'pages/voice/voice.js'), 'utf8'))).toEqual(['../../startrecord-shim']);
  expect((await analyseMiniprogram(root)).unresolved).toEqual([]);
});

describe('the shim forms added for named Taro imports and Vue blocks', () => {
  const input = (name: string) => listFixtures().find((f) => f.name === name)!.input;

  test('a Taro TypeScript page whose sole named import moves to the shim type-checks with the template tsconfig, node16 and bundler, and resolves in webpack 4 and 5', async () => {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'taro-quiz', private: true, dependencies: { '@tarojs/taro': '4.2.1' } }),
      'src/app.config.ts': "export default { pages: ['pages/quiz/index'] }\n",
      'types/global.d.ts': '/// <reference types="miniprogram-api-typings" />\n',
      'src/pages/quiz/index.ts': input('taro-named-sole-import-shimmed'),
    };
    const before = makeTypecheckProject(files);
    const project = makeTypecheckProject(files);
    writeFiles(project, { 'tsconfig.json': '{}\n' });
    expect((await runCli(['--force', '--yes', 'src'], project)).code).toBe(0);
    const page = path.join(project, 'src/pages/quiz/index.ts');
    expect(shimImports(fs.readFileSync(page, 'utf8'))).toEqual(['../../startrecord-shim']);
    expect(fs.readFileSync(page, 'utf8')).not.toContain('@tarojs/taro');
    for (const preset of ['taro-template', 'node16', 'bundler'] as TypecheckPreset[]) {
      const checked = ['src/pages/quiz/index.ts', 'types/global.d.ts'];
      const added = typecheckProject(checked, preset, project).errors.filter((e) => !typecheckProject(checked, preset, before).errors.includes(e));
      expect({ preset, added }).toEqual({ preset, added: [] });
    }
    await expectResolvedByWebpack([page]);
  });

  test('uni-app components get the shim file beside pages.json, and their imports (a <script setup> without imports of its own, a two-block component) resolve in webpack 4 and 5', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'uni-voice', private: true, dependencies: { '@dcloudio/uni-app': '3.0.0', vue: '^3.4.0' } }),
      'src/pages.json': JSON.stringify({ pages: [{ path: 'pages/answer/answer' }, { path: 'pages/record/record' }] }),
      'src/pages/answer/answer.vue': input('vue-setup-no-imports-shimmed'),
      'src/pages/record/record.vue': input('vue-two-blocks-import-used-by-other-block'),
    });
    expect((await runCli(['--force', '--yes', 'src'], root)).code).toBe(0);
    const pages = ['src/pages/answer/answer.vue', 'src/pages/record/record.vue'].map((p) => path.join(root, p));
    for (const page of pages) {
      const text = fs.readFileSync(page, 'utf8');
      expect(shimImports(text)).toEqual(['../../startrecord-shim']);
      expect(text).not.toMatch(/require\(/);
    }
    expect(fs.existsSync(path.join(root, 'src/startrecord-shim.js'))).toBe(true);
    await expectResolvedByWebpack(pages);
  });
});
