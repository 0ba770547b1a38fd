import * as fs from 'fs';
import * as path from 'path';
import {
  AnalyseResult,
  DUMMY_APPID,
  PackNpmResult,
  analyseMiniprogram,
  makeProject,
  makeTypecheckProject,
  packNpm,
  removeTempDirs,
  resolveWithWebpack,
  typecheckProject,
} from './support/toolchains';

/**
 * The toolchain helpers each accept what the real tool accepts and report what the real
 * tool reports. Every helper is shown a good input and a bad one, so none of these tests
 * can pass by a helper that always says "fine" or always says "broken".
 */

afterAll(removeTempDirs);

const SLOW = 120_000;

/** A native mini-program: one page, pages/index/index, whose script is `pageJs`. */
function nativeApp(pageJs: string, extra: Record<string, string> = {}, appJson: object = {}): Record<string, string> {
  return {
    'project.config.json': JSON.stringify({ appid: DUMMY_APPID, compileType: 'miniprogram', projectname: 'probe', setting: {} }),
    'app.json': JSON.stringify({ pages: ['pages/index/index'], ...appJson }),
    'app.js': 'App({})\n',
    'pages/index/index.json': '{}\n',
    'pages/index/index.wxml': '<view>index</view>\n',
    'pages/index/index.wxss': '',
    'pages/index/index.js': pageJs,
    ...extra,
  };
}

/** The Js dependencies of a module in analyseCode's raw result: request -> resolved path (or null). */
function jsDepsOf(result: AnalyseResult, modulePath: string): Record<string, string | null> {
  const raw = result.raw as { modules: { path: string; deps: { type: string; request: string; path: string | null }[] }[] };
  const module = raw.modules.find((m) => m.path === modulePath);
  if (!module) throw new Error(`no module ${modulePath} in the analysis`);
  return Object.fromEntries(module.deps.filter((d) => d.type === 'Js').map((d) => [d.request, d.path]));
}

// A tiny zero-dependency package published for mini-programs: `miniprogram` names the
// folder WeChat copies; the package root holds a Node build WeChat must not take.
const TINY_MP: Record<string, string> = {
  'node_modules/tiny-mp/package.json': JSON.stringify({ name: 'tiny-mp', version: '1.0.0', main: 'index.js', miniprogram: 'miniprogram_dist' }),
  'node_modules/tiny-mp/index.js': "module.exports = 'node build'\n",
  'node_modules/tiny-mp/miniprogram_dist/index.js': "module.exports = require('./shim')\n",
  'node_modules/tiny-mp/miniprogram_dist/shim.js': 'module.exports = function shim() { return wx.getRecorderManager() }\n',
};
const TINY_MP_DIST_BYTES = Buffer.byteLength(TINY_MP['node_modules/tiny-mp/miniprogram_dist/index.js']) +
  Buffer.byteLength(TINY_MP['node_modules/tiny-mp/miniprogram_dist/shim.js']);

describe('analyseMiniprogram (miniprogram-ci analyseCode)', () => {
  let good: AnalyseResult;
  let shim: AnalyseResult;
  let slash: AnalyseResult;
  let slashBesidePage: AnalyseResult;
  let rooted: AnalyseResult;
  let aliased: AnalyseResult;
  let packedThenAnalysed: { pack: PackNpmResult; analysis: AnalyseResult };

  beforeAll(async () => {
    const packedApp = makeProject({
      ...nativeApp("const shim = require('tiny-mp/shim')\nconst main = require('tiny-mp')\nPage({ onLoad() { shim(); main() } })\n"),
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { 'tiny-mp': '1.0.0' } }),
      ...TINY_MP,
    });
    [good, shim, slash, slashBesidePage, rooted, aliased, packedThenAnalysed] = await Promise.all([
      analyseMiniprogram(makeProject(nativeApp("const util = require('./util')\nPage({ onLoad() { util() } })\n", {
        'pages/index/util.js': 'module.exports = function util() {}\n',
      }))),
      analyseMiniprogram(makeProject(nativeApp("const shim = require('startrecord-codemod/shim')\nPage({ onLoad() { shim() } })\n"))),
      analyseMiniprogram(makeProject(nativeApp("const x = require('/utils/x')\nPage({ onLoad() { x() } })\n", {
        'utils/x.js': 'module.exports = function x() {}\n',
      }))),
      analyseMiniprogram(makeProject(nativeApp("const x = require('/utils/x')\nPage({ onLoad() { x() } })\n", {
        'utils/x.js': 'module.exports = function x() {}\n',
        'pages/index/utils/x.js': 'module.exports = function besideThePage() {}\n',
      }))),
      analyseMiniprogram(makeProject({
        // The mini-program lives in miniprogram/; the project root has no app.json at all.
        'project.config.json': JSON.stringify({ appid: DUMMY_APPID, compileType: 'miniprogram', miniprogramRoot: 'miniprogram/', setting: {} }),
        ...Object.fromEntries(
          Object.entries(nativeApp("require('./present')\nrequire('./absent')\nPage({})\n", { 'pages/index/present.js': '' }))
            .filter(([file]) => file !== 'project.config.json')
            .map(([file, content]) => [`miniprogram/${file}`, content]),
        ),
      })),
      analyseMiniprogram(makeProject(nativeApp("require('@utils/x')\nrequire('@utils/missing')\nPage({})\n", {
        'utils/x.js': '',
      }, { resolveAlias: { '@utils/*': '/utils/*' } }))),
      packNpm(packedApp).then(async (pack) => ({ pack, analysis: await analyseMiniprogram(packedApp) })),
    ]);
  }, SLOW);

  test('a require of a file that is there resolves', () => {
    expect(good.unresolved).toEqual([]);
    expect(good.failures).toEqual([]);
    expect(good.moduleErrors).toEqual([]);
    expect(jsDepsOf(good, 'pages/index/index.js')).toEqual({ './util': 'pages/index/util.js' });
  });

  test('a package path with no miniprogram_npm is reported unresolved, in WeChat\'s words', () => {
    expect(shim.unresolved).toEqual(['startrecord-codemod/shim']);
    expect(shim.failures).toEqual([
      {
        type: 'Js',
        request: 'startrecord-codemod/shim',
        from: 'pages/index/index.js',
        message: expect.stringMatching(/^Couldn't resolve the Js file "startrecord-codemod\/shim" relative to "\/pages\/index\/index\.js:1:\d+"$/),
      },
    ]);
  });

  test('a leading "/" is NOT the app root: /utils/x from pages/index/ misses utils/x.js at the root', () => {
    expect(slash.unresolved).toEqual(['/utils/x']);
    expect(slash.failures[0].message).toMatch(/^Couldn't resolve the Js file "\/utils\/x" relative to "\/pages\/index\/index\.js:1:\d+"$/);
  });

  test('... it is the requiring file\'s folder: /utils/x from pages/index/ is pages/index/utils/x.js', () => {
    expect(slashBesidePage.unresolved).toEqual([]);
    expect(jsDepsOf(slashBesidePage, 'pages/index/index.js')).toEqual({ '/utils/x': 'pages/index/utils/x.js' });
  });

  test('miniprogramRoot in project.config.json is where the app is analysed', () => {
    expect(rooted.unresolved).toEqual(['./absent']);
    expect(jsDepsOf(rooted, 'pages/index/index.js')).toEqual({ './present': 'pages/index/present.js', './absent': null });
  });

  test('resolveAlias in app.json is honoured (and a target that is not there is still reported)', () => {
    expect(aliased.unresolved).toEqual(['@utils/missing']);
    expect(jsDepsOf(aliased, 'pages/index/index.js')['@utils/x']).toBe('utils/x.js');
  });

  test('after packNpm, a package and a file inside its miniprogram folder resolve from miniprogram_npm', () => {
    expect(packedThenAnalysed.pack.ok).toBe(true);
    expect(packedThenAnalysed.analysis.unresolved).toEqual([]);
    expect(jsDepsOf(packedThenAnalysed.analysis, 'pages/index/index.js')).toEqual({
      'tiny-mp/shim': 'miniprogram_npm/tiny-mp/shim.js',
      'tiny-mp': 'miniprogram_npm/tiny-mp/index.js',
    });
  });
});

describe('packNpm (miniprogram-ci packNpmManually)', () => {
  let good: PackNpmResult;
  let goodDir: string;
  let devOnly: PackNpmResult;
  let noEntry: PackNpmResult;

  beforeAll(async () => {
    goodDir = makeProject({
      ...nativeApp('Page({})\n'),
      'package.json': JSON.stringify({
        name: 'app',
        version: '1.0.0',
        dependencies: { 'tiny-mp': '1.0.0', plain: '1.0.0' },
        devDependencies: { devonly: '1.0.0' },
      }),
      ...TINY_MP,
      // No `miniprogram` field: WeChat bundles `main` and what it requires into one index.js.
      'node_modules/plain/package.json': JSON.stringify({ name: 'plain', version: '1.0.0', main: 'lib/main.js' }),
      'node_modules/plain/lib/main.js': "module.exports = require('./helper')\n",
      'node_modules/plain/lib/helper.js': 'module.exports = 42\n',
      'node_modules/devonly/package.json': JSON.stringify({ name: 'devonly', version: '1.0.0' }),
      'node_modules/devonly/index.js': 'module.exports = 1\n',
    });
    [good, devOnly, noEntry] = await Promise.all([
      packNpm(goodDir),
      packNpm(makeProject({
        ...nativeApp('Page({})\n'),
        'package.json': JSON.stringify({ name: 'app', version: '1.0.0', devDependencies: { devonly: '1.0.0' } }),
        'node_modules/devonly/package.json': JSON.stringify({ name: 'devonly', version: '1.0.0' }),
        'node_modules/devonly/index.js': 'module.exports = 1\n',
      })),
      packNpm(makeProject({
        ...nativeApp('Page({})\n'),
        'package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { broken: '1.0.0' } }),
        'node_modules/broken/package.json': JSON.stringify({ name: 'broken', version: '1.0.0', main: 'dist/missing.js' }),
      })),
    ]);
  }, SLOW);

  test('a dependency with a `miniprogram` field is copied from that folder, and is small', () => {
    expect(good.ok).toBe(true);
    expect(good.error).toBeUndefined();
    expect(good.miniProgramPackNum).toBe(1);
    expect(good.files).toEqual(expect.arrayContaining(['tiny-mp/index.js', 'tiny-mp/shim.js']));
    expect(good.files.filter((f) => f.startsWith('tiny-mp/'))).toEqual(['tiny-mp/index.js', 'tiny-mp/shim.js']);
    expect(fs.readFileSync(path.join(goodDir, 'miniprogram_npm/tiny-mp/index.js'), 'utf8')).toBe(
      TINY_MP['node_modules/tiny-mp/miniprogram_dist/index.js'],
    );
    expect(good.miniprogramNpmBytes).toBeGreaterThan(TINY_MP_DIST_BYTES);
    expect(good.miniprogramNpmBytes).toBeLessThan(10_000);
  });

  test('a dependency without one is bundled from `main` into index.js; devDependencies are left out', () => {
    expect(good.otherNpmPackNum).toBe(1);
    expect(good.files).toEqual(['plain/index.js', 'plain/index.js.map', 'tiny-mp/index.js', 'tiny-mp/shim.js']);
    const bundled = fs.readFileSync(path.join(goodDir, 'miniprogram_npm/plain/index.js'), 'utf8');
    expect(bundled).toContain('module.exports = 42');
    const sizes = good.files.map((f) => fs.statSync(path.join(goodDir, 'miniprogram_npm', f)).size);
    expect(good.miniprogramNpmBytes).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  test('nothing to pack (devDependencies only) is not ok, and produces nothing', () => {
    expect(devOnly.ok).toBe(false);
    expect(devOnly.error).toMatch(/packed nothing.*No miniprogram_npm package was found/);
    expect(devOnly.miniprogramNpmBytes).toBe(0);
  });

  test('a dependency whose entry file is missing is not ok', () => {
    expect(noEntry.ok).toBe(false);
    expect(noEntry.error).toMatch(/broken\/dist\/missing\.js/);
  });
});

describe('resolveWithWebpack (enhanced-resolve 4 and 5, Taro settings)', () => {
  let root: string;
  let page: string;

  beforeAll(() => {
    root = makeProject({
      'src/pages/index.js': '',
      'src/x.ts': 'export {}\n',
      // Only a subpath export, pointing where no extension guess can reach.
      'node_modules/exported/package.json': JSON.stringify({ name: 'exported', version: '1.0.0', exports: { './shim': './dist/shim/index.js' } }),
      'node_modules/exported/dist/shim/index.js': 'module.exports = {}\n',
      // A subpath export AND a file of that name at the package root.
      'node_modules/rootfile/package.json': JSON.stringify({ name: 'rootfile', version: '1.0.0', exports: { './shim': './dist/shim.js' } }),
      'node_modules/rootfile/dist/shim.js': '',
      'node_modules/rootfile/shim.js': '',
      'node_modules/fields/package.json': JSON.stringify({ name: 'fields', version: '1.0.0', main: 'main.js', module: 'module.js', browser: 'browser.js' }),
      'node_modules/fields/main.js': '',
      'node_modules/fields/module.js': '',
      'node_modules/fields/browser.js': '',
    });
    page = path.join(root, 'src/pages/index.js');
  });

  test('webpack 5 honours `exports`: exported/shim resolves; webpack 4 cannot resolve it', async () => {
    expect(await resolveWithWebpack(5, page, 'exported/shim')).toBe(path.join(root, 'node_modules/exported/dist/shim/index.js'));
    expect(await resolveWithWebpack(4, page, 'exported/shim')).toBeNull();
  });

  test('a relative request resolves in both, with Taro\'s extensions; a missing one is null in both', async () => {
    for (const version of [4, 5] as const) {
      expect(await resolveWithWebpack(version, page, '../x')).toBe(path.join(root, 'src/x.ts'));
      expect(await resolveWithWebpack(version, page, './nope')).toBeNull();
    }
  });

  test('webpack 4 takes a same-named file at the package root; webpack 5 takes only the export', async () => {
    expect(await resolveWithWebpack(4, page, 'rootfile/shim')).toBe(path.join(root, 'node_modules/rootfile/shim.js'));
    expect(await resolveWithWebpack(5, page, 'rootfile/shim')).toBe(path.join(root, 'node_modules/rootfile/dist/shim.js'));
  });

  test('"browser" comes first in mainFields, as in Taro; a package without "." in exports is null in 5', async () => {
    for (const version of [4, 5] as const) {
      expect(await resolveWithWebpack(version, page, 'fields')).toBe(path.join(root, 'node_modules/fields/browser.js'));
    }
    expect(await resolveWithWebpack(5, page, 'exported')).toBeNull();
  });
});

describe('typecheckProject (TypeScript 5)', () => {
  test("Taro's template options: an unused Taro import is TS6133, a missing module TS2307, and Taro's types are real", () => {
    const root = makeTypecheckProject({
      'src/unused.tsx': "import Taro from '@tarojs/taro'\n\nexport default function Index() {\n  return null\n}\n",
      'src/used.ts':
        "import Taro from '@tarojs/taro'\n\nexport function record(): void {\n  Taro.getRecorderManager().start({ duration: 1000 })\n}\n",
      'src/typo.ts': "import Taro from '@tarojs/taro'\n\nexport function stop(): void {\n  Taro.getRecorderManager().stopp()\n}\n",
      'src/missing.ts': "import shim from 'startrecord-codemod-not-installed'\n\nexport default shim\n",
    });
    const { errors } = typecheckProject(['src/unused.tsx', 'src/used.ts', 'src/typo.ts', 'src/missing.ts'], 'taro-template', root);
    // TypeScript's order: by file, then position.
    expect(errors).toEqual([
      "src/missing.ts(1,18): TS2307 Cannot find module 'startrecord-codemod-not-installed' or its corresponding type declarations.",
      expect.stringMatching(/^src\/typo\.ts\(4,29\): TS2551 Property 'stopp' does not exist on type 'RecorderManager'/),
      "src/unused.tsx(1,1): TS6133 'Taro' is declared but its value is never read.",
    ]);
  });

  test('miniprogram-api-typings is reachable for native code, by a reference in types/global.d.ts', () => {
    const root = makeTypecheckProject({
      'types/global.d.ts': '/// <reference types="miniprogram-api-typings" />\n',
      'good.ts': 'export function stop(): void {\n  wx.getRecorderManager().stop()\n}\n',
      'bad.ts': 'export function stop(): void {\n  wx.getRecorderManager().stopp()\n}\n',
    });
    expect(typecheckProject(['types/global.d.ts', 'good.ts'], 'taro-template', root).errors).toEqual([]);
    expect(typecheckProject(['types/global.d.ts', 'bad.ts'], 'taro-template', root).errors).toEqual([
      expect.stringMatching(/^bad\.ts\(2,27\): TS2551 Property 'stopp' does not exist on type 'RecorderManager'/),
    ]);
    // Without the reference, Taro's template sees no `wx` at all...
    expect(typecheckProject(['good.ts'], 'taro-template', root).errors).toEqual(["good.ts(2,3): TS2304 Cannot find name 'wx'."]);
    // ... and the `types` option cannot reach it: with the template's custom typeRoots,
    // TypeScript 5 looks for compilerOptions.types only there (node_modules/@types).
    expect(typecheckProject(['good.ts'], 'taro-template', root, { types: ['miniprogram-api-typings'] }).errors).toEqual([
      expect.stringMatching(/^TS2688 Cannot find type definition file for 'miniprogram-api-typings'/),
      "good.ts(2,3): TS2304 Cannot find name 'wx'.",
    ]);
  });

  test('a subpath only in `exports` resolves under node16 and bundler, not under the template\'s node resolution', () => {
    const root = makeTypecheckProject({
      'src/index.ts': "import { start } from 'exported/shim'\n\nstart()\n",
      'node_modules/exported/package.json': JSON.stringify({
        name: 'exported',
        version: '1.0.0',
        exports: { './shim': { types: './dist/shim.d.ts', default: './dist/shim.js' } },
      }),
      'node_modules/exported/dist/shim.d.ts': 'export declare function start(): void\n',
      'node_modules/exported/dist/shim.js': 'exports.start = function () {}\n',
    });
    expect(typecheckProject(['src/index.ts'], 'node16', root).errors).toEqual([]);
    expect(typecheckProject(['src/index.ts'], 'bundler', root).errors).toEqual([]);
    expect(typecheckProject(['src/index.ts'], 'taro-template', root).errors).toEqual([
      expect.stringMatching(/^src\/index\.ts\(1,23\): TS2307 Cannot find module 'exported\/shim'/),
    ]);
  });
});

