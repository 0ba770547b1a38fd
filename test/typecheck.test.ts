import * as fs from 'fs';
import * as path from 'path';
import { parse } from '@vue/compiler-sfc';
import { Project, ts } from 'ts-morph';
import { listFixtures } from './support/fixtures';

/**
 * TypeScript outputs must type-check as well as their inputs did, against the real typings:
 * `@tarojs/taro` for Taro fixtures, `miniprogram-api-typings` for native `wx` fixtures.
 * Each fixture gets its own program. Errors the input already had (a module of the app
 * that is not there, say) are not ours; any error the output adds is.
 */
const ROOT = path.join(__dirname, '..');
const typed = listFixtures().filter((f) => !f.negative && ['ts', 'tsx', 'mts', 'cts', 'vue'].includes(f.ext));

/**
 * The TypeScript to check in a fixture: the file itself, or for a `.vue` file its
 * `lang="ts"` script blocks, one after the other (what Vue compiles them into).
 */
function typeScriptOf(code: string, ext: string): { code: string; fileName: string } | null {
  if (ext !== 'vue') return { code, fileName: `fixture.${ext}` };
  const { descriptor } = parse(code);
  const blocks = [descriptor.script, descriptor.scriptSetup].filter((b) => b && (b.lang === 'ts' || b.lang === 'tsx'));
  if (blocks.length === 0) return null;
  return { code: blocks.map((b) => b!.content).join('\n'), fileName: `fixture.${blocks[0]!.lang}` };
}

function diagnosticsOf(code: string, fileName: string, taro: boolean): string[] {
  const project = new Project({
    compilerOptions: {
      strict: true,
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      // Taro's template tsconfig has it: an import the migration leaves unused is an error.
      noUnusedLocals: true,
      // Native pages see the mini-program globals (wx, Page, WechatMiniprogram).
      types: taro ? [] : ['miniprogram-api-typings'],
      typeRoots: [path.join(ROOT, 'node_modules')],
      // Shimmed outputs import the shim as users will: the package, by its name.
      baseUrl: ROOT,
      paths: { 'startrecord-codemod-shim': ['shim/src/index.ts'] },
    },
  });
  // ... or the file the CLI writes next to them (fixtures import `./startrecord-shim`).
  project.createSourceFile(path.join(ROOT, '.typecheck', 'startrecord-shim.ts'), "export * from '../shim/src/index'\n", { overwrite: true });
  // The fixtures' UI imports are not what is under test; a small typed stand-in keeps the
  // components from turning everything around them into errors.
  project.createSourceFile(
    path.join(ROOT, '.typecheck', 'taro-components.d.ts'),
    "declare module '@tarojs/components' {\n  import type { ComponentType } from 'react'\n  export const View: ComponentType<any>\n  export const Button: ComponentType<any>\n  export const Text: ComponentType<any>\n}\n",
    { overwrite: true },
  );
  // A path inside the repository so that node_modules resolution finds the typings.
  const file = project.createSourceFile(path.join(ROOT, '.typecheck', fileName), code, { overwrite: true });
  return project
    .getPreEmitDiagnostics()
    .filter((d) => d.getSourceFile() === file)
    .map((d) => `TS${d.getCode()}: ${ts.flattenDiagnosticMessageText(d.getMessageText() as any, ' ')}`);
}

/** Diagnostics in `after` beyond those in `before`, counted as a multiset. */
function added(before: string[], after: string[]): string[] {
  const remaining = [...before];
  return after.filter((d) => {
    const i = remaining.indexOf(d);
    if (i === -1) return true;
    remaining.splice(i, 1);
    return false;
  });
}

test('there are TypeScript fixtures to check', () => {
  expect(typed.length).toBeGreaterThanOrEqual(5);
});

const checkable = typed.filter((f) => typeScriptOf(f.input, f.ext) !== null);

/**
 * The realistic corpus's TypeScript files and their expected outputs. They carry
 * `// @ts-nocheck` so that the repository's own type-check leaves them alone; it is
 * dropped here, from both sides alike.
 */
const CORPUS = path.join(__dirname, 'corpus');
const corpusTyped = fs.existsSync(path.join(CORPUS, 'expected'))
  ? fs
      .readdirSync(path.join(CORPUS, 'expected'))
      .filter((f) => /\.(ts|tsx|vue)$/.test(f))
      .map((f) => {
        const ext = f.split('.').pop()!;
        const strip = (text: string) => text.replace(/^\/\/ @ts-nocheck\r?\n/, '').replace(/(<script[^>]*>\r?\n)\/\/ @ts-nocheck\r?\n/, '$1');
        return {
          name: `corpus-${f.replace(/\.[^.]+$/, '')}`,
          ext,
          input: strip(fs.readFileSync(path.join(CORPUS, f), 'utf8')),
          expected: strip(fs.readFileSync(path.join(CORPUS, 'expected', f), 'utf8')),
        };
      })
      .filter((f) => typeScriptOf(f.input, f.ext) !== null)
  : [];

describe.each(corpusTyped.map((f) => [`corpus:${f.name}.${f.ext}`, f] as const))('%s', (_label, fixture) => {
  test('the output adds no type error to the input', () => {
    const taro = fixture.input.includes('@tarojs/taro');
    const input = typeScriptOf(fixture.input, fixture.ext)!;
    const output = typeScriptOf(fixture.expected, fixture.ext)!;
    const fileName = `${fixture.name}.${input.fileName.split('.').pop()}`;
    expect(added(diagnosticsOf(input.code, fileName, taro), diagnosticsOf(output.code, fileName, taro))).toEqual([]);
  });
});

describe.each(checkable.map((f) => [`${f.name}.${f.ext}`, f] as const))('%s', (_label, fixture) => {
  test('the output adds no type error to the input', () => {
    const taro = fixture.input.includes('@tarojs/taro');
    const input = typeScriptOf(fixture.input, fixture.ext)!;
    const output = typeScriptOf(fixture.expected, fixture.ext)!;
    const fileName = `${fixture.name}.${input.fileName.split('.').pop()}`;
    const before = diagnosticsOf(input.code, fileName, taro);
    const after = diagnosticsOf(output.code, fileName, taro);
    expect(added(before, after)).toEqual([]);
  });
});

test('the check itself catches a new error', () => {
  const before = diagnosticsOf('wx.stopRecord()\n', 'probe.ts', false);
  const after = diagnosticsOf('wx.getRecorderManager().stopp()\n', 'probe.ts', false);
  expect(added(before, after)).toEqual([expect.stringContaining("Property 'stopp' does not exist")]);
});

test('two migrated script-mode TypeScript pages (no import/export) type-check together: their new module-level names do not clash', () => {
  const { migrateSource } = require('../src/migrate') as typeof import('../src/migrate');
  const page = (name: string) =>
    `// pages/${name}/${name}.ts\nconst app = getApp()\n\nPage({\n  rec() {\n    wx.startRecord({ success: (r) => this.setData({ f: r.tempFilePath }) })\n  },\n  end() {\n    wx.stopRecord()\n  },\n  play() {\n    wx.playVoice({ filePath: this.data.f as string })\n  },\n})\n`;
  const project = new Project({
    compilerOptions: { strict: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, skipLibCheck: true, noEmit: true, types: ['miniprogram-api-typings'], typeRoots: [path.join(ROOT, 'node_modules')] },
  });
  const files = ['a', 'b'].map((name) => {
    const output = migrateSource(page(name), `pages/${name}/${name}.ts`).output;
    expect(output).toContain('const innerAudioContext = wx.createInnerAudioContext()');
    return project.createSourceFile(path.join(ROOT, '.typecheck', 'script-pages', `${name}.ts`), output, { overwrite: true });
  });
  const clashes = project
    .getPreEmitDiagnostics()
    .filter((d) => files.includes(d.getSourceFile()!) && d.getCode() === 2451)
    .map((d) => ts.flattenDiagnosticMessageText(d.getMessageText() as any, ' '));
  expect(clashes).toEqual([]);
  // The check can fail: the same pages without the empty export clash.
  for (const f of files) f.replaceWithText(f.getFullText().replace(/^export \{\}.*\n/m, ''));
  expect(project.getPreEmitDiagnostics().some((d) => d.getCode() === 2451)).toBe(true);
});
