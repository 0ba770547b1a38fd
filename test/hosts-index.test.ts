import { bindingFromIndex } from '../src/migrate/hosts';
import { parseFile } from '../src/migrate/parse';
import { scriptSources } from './support/sources';

/**
 * The host of `X.startRecord` comes from scope analysis (SPEC §3), except where the file
 * itself shows what it would answer (hosts.ts, `bindingFromIndex`). Here that shortcut is
 * checked against ast-types' own scope lookup at every member expression on a plain name,
 * in every source the tests know and in cases written to tempt it: whenever the shortcut
 * answers, the lookup must say the same.
 */
/** Names shadowed, declared in every way a declaration can be written, imported as types, or re-imported. */
const TEMPTING: Array<[string, string, string]> = [
  ['a parameter named wx', 'function f(wx) { wx.startRecord() }\nwx.stopRecord()\n', 'a.js'],
  ['a catch parameter', 'try { x() } catch (wx) { wx.startRecord() }\nwx.stopRecord()\n', 'a.js'],
  ['a destructured local', 'const { wx } = window\nwx.startRecord()\n', 'a.js'],
  ['a nested pattern with a default', 'function f({ a: [wx = swan] }) { wx.startRecord() }\n', 'a.js'],
  ['a function and a class named like hosts', 'function wx() {}\nclass qq {}\nwx.startRecord(); qq.startRecord()\n', 'a.js'],
  ['a label', 'wx: for (;;) { wx.startRecord(); break wx }\n', 'a.js'],
  ['a private name', 'class A { #wx = 1; m() { wx.startRecord(); return this.#wx } }\n', 'a.js'],
  ['a property key and a member property', 'const o = { wx: 1 }\no.wx.startRecord()\nwx.startRecord()\n', 'a.js'],
  ['an import shadowed by a parameter', "import Taro from '@tarojs/taro'\nfunction f(Taro) { Taro.startRecord() }\nTaro.stopRecord()\n", 'a.js'],
  ['an import shadowed by a local', "import Taro from '@tarojs/taro'\nfunction f() { const Taro = other; Taro.startRecord() }\n", 'a.js'],
  ['a type-only import', "import type Taro from '@tarojs/taro'\nTaro.startRecord()\n", 'a.ts'],
  ['a type-only specifier', "import { type wx } from 'x'\nwx.startRecord()\n", 'a.ts'],
  ['a renamed named import', "import { wx as api } from 'x'\napi.startRecord(); wx.startRecord()\n", 'a.js'],
  ['a shorthand named import', "import { wx } from 'weapp-api'\nwx.startRecord()\n", 'a.js'],
  ['a namespace import', "import * as wx from 'weapp-api'\nwx.startRecord()\n", 'a.js'],
  ['an ambient declaration', 'declare const wx: any\nwx.startRecord()\n', 'a.ts'],
  ['a TypeScript type that names the host', 'let m: wx.RecorderManager\nwx.startRecord()\n', 'a.ts'],
  ['a TypeScript parameter property', 'class A { constructor(private wx: Api) { wx.startRecord() } }\n', 'a.ts'],
  ['an enum and a namespace', 'enum wx { A }\nnamespace qq { export const a = 1 }\nwx.startRecord(); qq.startRecord()\n', 'a.ts'],
  ['a Flow declaration', '// @flow\ndeclare var wx: any\nwx.startRecord()\n', 'a.js'],
  ['a var in a block (hoisted)', 'if (a) { var wx = swan }\nwx.startRecord()\n', 'a.js'],
  ['an export of the name', 'export { wx }\nwx.startRecord()\n', 'a.js'],
  ['a require of Taro', "const Taro = require('@tarojs/taro')\nTaro.startRecord()\n", 'a.js'],
  ['hosts inside catch clauses with and without a parameter', "import Taro from '@tarojs/taro'\ntry {} catch { Taro.stopRecord(); wx.startRecord({}) }\ntry {} catch (wx) { wx.startRecord() }\n", 'a.ts'],
  ['JSX member tags', 'const A = () => <wx.View onTap={() => wx.startRecord()} />\n', 'a.jsx'],
  // Found by review: the parser takes imports anywhere; only the program's own bind the module.
  ['an import in a function', "function init() { import Taro from '@tarojs/taro' }\nTaro.startRecord({})\n", 'a.js'],
  ['an import in a function, the global used outside', "function init() { import wx from 'weapp-api'; wx.x() }\nwx.startRecord({})\n", 'a.js'],
  ['an import in a static block', "class A { static { import wx from 'weapp-api'; wx.startRecord({}) } }\n", 'a.js'],
  ['an import in a do expression', "const v = do { import wx from 'weapp-api'; 1 }\nwx.startRecord({})\n", 'a.js'],
  ['an import in an arrow (TS)', "const f = () => { import Taro from '@tarojs/taro' }\nTaro.startRecord({})\n", 'a.ts'],
  ['an import in an object method', "export default { created() { import Taro from '@tarojs/taro' } }\nTaro.startRecord({})\n", 'a.js'],
];

test.each([...scriptSources(), ...TEMPTING])('%s', (_label, text, file) => {
  let parsed;
  try {
    parsed = parseFile(text, file);
  } catch {
    return; // inputs that test a syntax error
  }
  const { index, root } = parsed;
  const rootPath = root.get();
  for (const node of index.of('MemberExpression', 'OptionalMemberExpression')) {
    if (node.object.type !== 'Identifier') continue;
    const name = node.object.name;
    const shortcut = bindingFromIndex(index, name);
    if (shortcut === 'unknown') continue;
    const scope = index.pathTo(rootPath, node).scope?.lookup(name) ?? null;
    if (shortcut === 'none') {
      expect([name, scope === null]).toEqual([name, true]);
    } else {
      expect([name, scope?.isGlobal, scope?.getBindings()[name]?.[0]?.node === shortcut]).toEqual([name, true, true]);
    }
  }
});

test('a catch clause with no parameter: the scope analysis (which fails on it alone) and the shortcut both answer', () => {
  const text = "import Taro from '@tarojs/taro'\ntry { save() } catch { Taro.stopRecord(); var api = swan; api.startRecord() }\nwx.startRecord({})\n";
  const { index, root } = parseFile(text, 'a.ts');
  expect(bindingFromIndex(index, 'wx')).toBe('none');
  expect(typeof bindingFromIndex(index, 'Taro')).toBe('object');
  const at = (name: string) => index.pathTo(root.get(), index.of('MemberExpression').find((n: any) => n.object.name === name)).scope.lookup(name);
  expect(at('Taro').isGlobal).toBe(true);
  // The `var` in the catch body belongs to the enclosing scope, as in JavaScript.
  expect(at('api').isGlobal).toBe(true);
  expect(at('wx')).toBeNull();
});

test('the shortcut answers for the common files, and leaves shadowed or declared names to the scope analysis', () => {
  const verdict = (text: string, file: string, name: string) => {
    const result = bindingFromIndex(parseFile(text, file).index, name);
    return typeof result === 'string' ? result : 'import';
  };
  expect(verdict('Page({ a() { wx.startRecord() } })\n', 'a.js', 'wx')).toBe('none');
  expect(verdict("import Taro from '@tarojs/taro'\nexport default () => { Taro.stopRecord() }\n", 'a.jsx', 'Taro')).toBe('import');
  expect(verdict('function f(wx) { wx.startRecord() }\n', 'a.js', 'wx')).toBe('unknown');
  expect(verdict("import Taro from '@tarojs/taro'\nfunction f(Taro) { Taro.startRecord() }\n", 'a.js', 'Taro')).toBe('unknown');
  expect(verdict("import type Taro from '@tarojs/taro'\nTaro.startRecord()\n", 'a.ts', 'Taro')).toBe('unknown');
});
