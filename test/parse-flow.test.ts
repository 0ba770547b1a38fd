// Plain JavaScript is parsed without Babel's Flow plugin first (src/migrate/parse.ts): it
// makes the tokenizer slower, and without an @flow pragma it reads plain JavaScript as if
// it were not there. This holds the fast path to that: on every script the tests know and
// on hand-written cases, a parse without Flow that succeeds gives the same tree (every
// node, every offset, every comment) as the parse with Flow; everything else falls back.
import { parse } from '@babel/parser';
import { parseAst } from '../src/migrate/parse';
import { scriptSources } from './support/sources';

const COMMON = [
  'asyncGenerators', 'bigInt', 'classPrivateMethods', 'classPrivateProperties', 'classProperties', 'decoratorAutoAccessors',
  'doExpressions', 'dynamicImport', 'exportDefaultFrom', 'functionBind', 'functionSent', 'importAttributes', 'importMeta',
  'logicalAssignment', 'nullishCoalescingOperator', 'numericSeparator', 'objectRestSpread', 'optionalCatchBinding',
  'optionalChaining', ['pipelineOperator', { proposal: 'minimal' }], 'throwExpressions',
] as any[];

/** The parse with Flow, as the migration always did for JavaScript. */
function withFlow(source: string): any {
  return parse(source, {
    sourceType: 'unambiguous',
    allowImportExportEverywhere: true,
    allowReturnOutsideFunction: true,
    allowUndeclaredExports: true,
    startLine: 1,
    attachComment: false,
    plugins: [...COMMON, 'jsx', 'flow', 'decorators'],
  });
}

/**
 * The tree as plain data (Node instances, positions and comments included). The Flow
 * plugin also writes its defaults on plain JavaScript: `importKind`/`exportKind: "value"`,
 * and null `typeArguments`, `variance`, `importKind`. Nothing reads them but as "type" or
 * "typeof" (hosts.ts, named-imports.ts, sfc-other-block.ts), so they are left out here.
 */
const FLOW_DEFAULTS: Record<string, readonly unknown[]> = { importKind: ['value', null], exportKind: ['value', null], typeArguments: [null], variance: [null] };
const plain = (ast: any) => JSON.parse(JSON.stringify(ast, (key, value) => (FLOW_DEFAULTS[key]?.includes(value) ? undefined : value)));

const javascript = scriptSources().filter(([, , file]) => /\.(c|m)?jsx?$/.test(file));

test('the known scripts include plenty of JavaScript', () => {
  expect(javascript.length).toBeGreaterThan(100);
});

test.each(javascript)('%s: the same tree as with Flow', (_label, text, file) => {
  let expected: any;
  try {
    expected = plain(withFlow(text));
  } catch {
    expect(() => parseAst(text, file)).toThrow();
    return;
  }
  expect(plain(parseAst(text, file))).toEqual(expected);
});

const cases: Array<[string, string]> = [
  ['comparisons that read like a Flow call', 'const r = a < b > (c)\nwx.startRecord()'],
  ['a Flow generic call under the pragma', '// @flow\nconst r = f<T>(x)\nwx.startRecord()'],
  ['@noflow', '/* @noflow */\nconst r = a < b > (c)'],
  ['Flow annotations without a pragma', 'function f(a: number): string { return String(a) }\nwx.startRecord()'],
  ['a type alias', 'type Options = { duration: number }\nwx.startRecord()'],
  ['a type cast', 'const o = (x: any)\nwx.startRecord(o)'],
  ['a generic arrow next to JSX', 'const id = <T>(x: T): T => x\nconst v = <View>{id(1)}</View>'],
  ['`type` as a variable', 'var type = 1\ntype = 2\nwx.startRecord({ type })'],
  ['a conditional with an arrow', 'const f = a ? (b) : (c) => d\nwx.startRecord()'],
  ['Flow comment types', 'function f(a /*: number */) /*: string */ { return "" }\n/*:: type T = number */\nwx.startRecord()'],
  ['JSX', 'const v = <View onTap={() => wx.startRecord()}>{list.map((x) => <Text>{x}</Text>)}</View>'],
];

test.each(cases)('%s: the same tree, or the same error, as with Flow', (_label, text) => {
  let expected: any;
  try {
    expected = plain(withFlow(text));
  } catch (error) {
    expect(() => parseAst(text, 'page.js')).toThrow(String((error as Error).message).replace(/ \(\d+:\d+\)$/, ''));
    return;
  }
  expect(plain(parseAst(text, 'page.js'))).toEqual(expected);
});
