import * as acorn from 'acorn';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { Project, ts as morphTs } from 'ts-morph';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measure, BUDGET } = require('../scripts/shim-size');

/**
 * What the shim ships: ES5 that WeChat's "build npm" takes, within its size budget, with
 * types that accept what the hosts' own typings describe.
 */
const ROOT = path.join(__dirname, '..');
const SOURCE = path.join(ROOT, 'shim', 'src', 'index.ts');

function compileAsShipped(): string {
  // The same compiler options as shim/tsconfig.json, which `npm run build` uses.
  const config = ts.readConfigFile(path.join(ROOT, 'shim', 'tsconfig.json'), ts.sys.readFile).config;
  const { options } = ts.convertCompilerOptionsFromJson(config.compilerOptions, path.join(ROOT, 'shim'));
  return ts.transpileModule(fs.readFileSync(SOURCE, 'utf8'), { compilerOptions: options }).outputText;
}

test('the shipped shim is ES5 (acorn with ecmaVersion 5 parses it)', () => {
  expect(() => acorn.parse(compileAsShipped(), { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
});

test(`the shim is within its size budget, minified and gzipped (${BUDGET} B)`, async () => {
  const file = path.join(fs.mkdtempSync(path.join(require('os').tmpdir(), 'shim-')), 'index.js');
  fs.writeFileSync(file, compileAsShipped());
  const size = await measure(file);
  // eslint-disable-next-line no-console
  console.log(`shim: ${size.min} B minified, ${size.gzip} B minified+gzip (budget ${BUDGET} B)`);
  expect(size.gzip).toBeLessThanOrEqual(BUDGET);
  expect(size.gzip).toBeGreaterThan(300);
});

test('the shim has no runtime dependency (no require() in its output)', () => {
  const ast = acorn.parse(compileAsShipped(), { ecmaVersion: 5, sourceType: 'script' });
  expect(JSON.stringify(ast)).not.toMatch(/"callee":\{"type":"Identifier","start":\d+,"end":\d+,"name":"require"/);
});

test("the shim's types accept options typed with miniprogram-api-typings and @tarojs/taro", () => {
  const project = new Project({
    compilerOptions: {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      moduleResolution: morphTs.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      types: ['miniprogram-api-typings'],
      typeRoots: [path.join(ROOT, 'node_modules')],
      baseUrl: ROOT,
      paths: { 'startrecord-codemod/shim': ['shim/src/index.ts'] },
    },
  });
  const file = project.createSourceFile(
    path.join(ROOT, '.typecheck', 'shim-types.ts'),
    [
      "import Taro from '@tarojs/taro'",
      "import { startRecord, stopRecord, createLegacyRecorder } from 'startrecord-codemod/shim'",
      'declare const wxOptions: WechatMiniprogram.WxStartRecordOption',
      'declare const taroOptions: Taro.startRecord.Option',
      'declare const wxStop: WechatMiniprogram.WxStopRecordOption',
      'startRecord(wxOptions)',
      'startRecord(taroOptions)',
      'stopRecord(wxStop)',
      'stopRecord()',
      'async function f(): Promise<string> { const res: Taro.startRecord.SuccessCallbackResult = await startRecord(); return res.tempFilePath }',
      'const taroRecorder = createLegacyRecorder(() => Taro.getRecorderManager())',
      'const wxRecorder = createLegacyRecorder(() => wx.getRecorderManager())',
      'void f; void taroRecorder; void wxRecorder',
      '',
    ].join('\n'),
    { overwrite: true },
  );
  const errors = project.getPreEmitDiagnostics().filter((d) => d.getSourceFile() === file);
  expect(errors.map((d) => morphTs.flattenDiagnosticMessageText(d.getMessageText() as any, ' '))).toEqual([]);
});
