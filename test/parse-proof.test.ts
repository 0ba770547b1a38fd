import * as fs from 'fs';
import * as path from 'path';
import { applyEditsWithSpans, Edit } from '../src/migrate/edits';
import { migrateSource } from '../src/migrate/migrate-source';
import { parseAst, parseFile } from '../src/migrate/parse';
import { proveOutputParses } from '../src/migrate/parse-proof';
import { listFixtures } from './support/fixtures';

/**
 * The proof that an output parses looks at the changed parts alone where that decides
 * (parse-proof.ts). A part accepted on its own must never stand for an output that does
 * not parse: each case below is an edit that breaks the file in a way only its context
 * shows, and the proof must reject it, whichever way it gets there.
 */

/** Replaces the first `find` (after `from`, if given) with `text`, or inserts `text` at `at`. */
type Change = { find: string; text: string; after?: string } | { at: string; text: string };

function prove(source: string, filePath: string, changes: Change[]): 'parts' | 'whole' {
  const parsed = parseFile(source, filePath);
  const edits: Edit[] = changes.map((change) => {
    if ('at' in change) {
      const at = source.indexOf(change.at);
      if (at === -1) throw new Error(`test: ${change.at} not found`);
      return { start: at, end: at, build: () => change.text };
    }
    const start = source.indexOf(change.find, change.after ? source.indexOf(change.after) : 0);
    if (start === -1) throw new Error(`test: ${change.find} not found`);
    return { start, end: start + change.find.length, build: () => change.text };
  });
  const { output, spans } = applyEditsWithSpans(source, edits);
  const names = new Set<string>([...parsed.index.of('Identifier'), ...parsed.index.of('JSXIdentifier')].map((n: any) => n.name));
  return proveOutputParses(output, filePath, spans, { index: parsed.index, program: parsed.root.get().node.program, comments: parsed.comments, names });
}

const PAGE = `var app = getApp()

Page({
  data: { recording: false },
  onPressStart: function (e) {
    var that = this
    wx.startRecord({ success: function (res) { that.setData({ path: res.tempFilePath }) } })
  },
  onPressEnd(res) {
    wx.stopRecord()
  },
})
`;

const MANAGER = { at: '\nPage({', text: '\nvar recorderManager = wx.getRecorderManager()' };

describe('changes the parts prove on their own', () => {
  it('a method body and a module-level binding', () => {
    expect(prove(PAGE, 'page.js', [MANAGER, { find: 'wx.stopRecord()', text: 'recorderManager.stop()' }])).toBe('parts');
  });

  it('a function expression in an object property, with a callback of its own', () => {
    const text = 'recorderManager.onStop(function (res) {\n      that.setData({ path: res.tempFilePath })\n    })\n    recorderManager.start({})';
    expect(prove(PAGE, 'page.js', [MANAGER, { find: 'wx.startRecord({ success: function (res) { that.setData({ path: res.tempFilePath }) } })', text }])).toBe('parts');
  });

  it('a class method that uses super, and a class property arrow function (TSX)', () => {
    const source = `import Taro from '@tarojs/taro'
export default class Voice extends Base {
  componentDidMount() { super.componentDidMount(); Taro.stopRecord() }
  onTap = () => { Taro.stopRecord() }
}
`;
    expect(prove(source, 'voice.tsx', [
      { find: 'Taro.stopRecord()', text: 'recorderManager.stop()' },
      { find: 'Taro.stopRecord()', after: 'onTap', text: 'recorderManager.stop()' },
      { at: '\nexport default', text: '\nconst recorderManager = Taro.getRecorderManager()' },
    ])).toBe('parts');
  });

  it('arrow functions in a function component (Taro hooks): the arrows alone, not the component', () => {
    // The component holds sloppy-mode syntax (an octal literal) outside the arrows: parsed
    // strict on its own it would fail, so 'parts' here means the arrows were the parts.
    const source = `import Taro from '@tarojs/taro'
export default function Voice() {
  const legacyMode = 010
  const handleStart = () => {
    Taro.startRecord({ success: (res) => setPath(res.tempFilePath) })
  }
  const handleStop = useCallback(() => { Taro.stopRecord() }, [])
  return <Button onClick={handleStart}>{legacyMode}</Button>
}
`;
    expect(prove(source, 'voice.jsx', [
      { find: 'Taro.startRecord({ success: (res) => setPath(res.tempFilePath) })', text: 'const recorderManager = Taro.getRecorderManager()\n    recorderManager.onStop((res) => setPath(res.tempFilePath))\n    recorderManager.start({})' },
      { find: 'Taro.stopRecord()', text: 'Taro.getRecorderManager().stop()' },
    ])).toBe('parts');
  });

  it('an async arrow, and an arrow nested in arrows at the top level (TSX)', () => {
    const source = `const Voice = () => {
  const onTap = async (e: TapEvent): Promise<void> => {
    await prepare()
    Taro.stopRecord()
  }
  return <View onClick={() => { Taro.stopRecord() }} />
}
`;
    expect(prove(source, 'voice.tsx', [
      { find: 'Taro.stopRecord()', text: 'await stopped(Taro.getRecorderManager())' },
      { find: 'Taro.stopRecord()', after: 'onClick', text: 'Taro.getRecorderManager().stop()' },
    ])).toBe('parts');
  });

  it('an edit right before and right after a function declaration', () => {
    const source = 'function a() {\n  wx.stopRecord()\n}\nfunction b() {}\n';
    expect(prove(source, 'a.js', [
      { at: 'function a', text: 'var recorderManager = wx.getRecorderManager()\n' },
      { find: 'wx.stopRecord()', text: 'recorderManager.stop()' },
      { at: '\nfunction b', text: '\nvar other = 1' },
    ])).toBe('parts');
  });
});

describe('broken edits are rejected', () => {
  const rejects = (source: string, filePath: string, changes: Change[]) => expect(() => prove(source, filePath, changes)).toThrow(/syntax error/);

  it('an unbalanced edit inside a method', () => {
    rejects(PAGE, 'page.js', [{ find: 'wx.stopRecord()', text: 'recorderManager.stop())' }]);
  });

  it('an edit that closes the method early', () => {
    rejects(PAGE, 'page.js', [{ find: 'wx.stopRecord()', text: 'recorderManager.stop() }' }]);
  });

  it('a new declaration that clashes with a parameter', () => {
    rejects(PAGE, 'page.js', [{ find: 'wx.stopRecord()', text: 'let res = recorderManager' }]);
  });

  it('a new declaration that clashes with one in the same function', () => {
    rejects(PAGE, 'page.js', [{ find: 'wx.startRecord', text: 'let that = 1; wx.startRecord' }]);
  });

  it('await in a function that is not async', () => {
    rejects(PAGE, 'page.js', [{ find: 'wx.stopRecord()', text: 'await recorderManager.stop()' }]);
  });

  it('a name reserved in strict code, inside a class (strict, in a sloppy script)', () => {
    rejects('class A {\n  m() { wx.stopRecord() }\n}\n', 'a.js', [{ find: 'wx.stopRecord()', text: 'var let = 1' }]);
  });

  it('a module-level binding that clashes with one the file has', () => {
    rejects(PAGE, 'page.js', [{ at: '\nPage({', text: '\nlet app = 1' }]);
  });

  it('a module-level binding that clashes with another new one', () => {
    rejects(PAGE, 'page.js', [MANAGER, { at: '\nPage({', text: '\nconst recorderManager = 2' }]);
  });

  it('an insertion inside a line comment', () => {
    // The statement parses alone; the rest of the comment becomes code.
    rejects('// a note about it\nPage({})\n', 'c.js', [{ at: ' note', text: '\nvar inserted = 1\n' }]);
  });

  it('a broken edit in a class property arrow function', () => {
    rejects('class A { onTap = () => { wx.stopRecord() } }\n', 'a.js', [{ find: 'wx.stopRecord()', text: 'recorderManager.stop(' }]);
  });

  // Found by review: each parsed in its wrapper, none in the file.
  it.each([
    ['super() in the constructor of a class that extends nothing', 'class A {\n  constructor() { x() }\n}\n', 'a.js', [{ find: 'x()', text: 'super()' }]],
    ['a function body closed early (a second function)', 'function f() {\n  x()\n}\n', 'a.js', [{ find: 'x()', text: '}, function g() {' }]],
    ['a method body closed early (a second constructor)', 'class A {\n  constructor() {}\n  m() { x() }\n}\n', 'a.js', [{ find: 'x()', text: '} constructor() {' }]],
    ['an object method closed early (__proto__ twice)', 'var o = { __proto__: null, m() { x() } }\n', 'a.js', [{ find: 'x()', text: '}, __proto__: null, n() {' }]],
    ['a second default export in a function', 'export default 1\nfunction f() { x() }\n', 'a.js', [{ find: 'x()', text: 'export default 2' }]],
    ['a second default export at the top level', 'export default 1\nfoo()\n', 'a.js', [{ at: 'foo()', text: 'export default 2\n' }]],
    ['an insertion run into the statement after it', 'foo();bar();\n', 'a.js', [{ at: 'bar', text: 'var q = 1' }]],
    ['an insertion run into the statement before it', 'foo()\nbar()\n', 'a.js', [{ at: '\nbar', text: 'var q = 1' }]],
    ['an insertion that ends a line comment', '// c\nfoo()\n', 'a.js', [{ at: '\nfoo', text: 'var q = [\n]' }]],
    ['an insertion inside the hashbang', '#!/usr/bin/env node\nfoo()\n', 'a.js', [{ at: '/usr', text: 'var q = 1\n' }]],
    ['two insertions that parse only together', 'if (x) {}\nfoo()\n', 'a.js', [{ at: 'if', text: 'var q = [' }, { at: '\nfoo', text: ']' }]],
    ['sloppy syntax inserted into a strict file', "'use strict'\nfoo()\n", 'a.js', [{ at: '\nfoo', text: '\nvar q = 010' }]],
    ['a directive inserted that makes the file strict', 'with (a) {}\nfoo()\n', 'a.js', [{ at: 'with', text: "'use strict'\n" }]],
  ] as Array<[string, string, string, Change[]]>)('%s', (_label, source, file, changes) => {
    rejects(source, file, changes);
  });

  // Arrows take their context from around them; these parse alone but not where they are.
  it.each([
    ['arguments in an arrow in a class field', 'class A {\n  x = foo(() => { y() })\n}\n', 'a.js', [{ find: 'y()', text: 'y(arguments[0])' }]],
    ['arguments in an arrow in a class field arrow', 'class A {\n  x = () => { foo(() => { y() }) }\n}\n', 'a.js', [{ find: 'y()', text: 'y(arguments)' }]],
    ['arguments in an arrow in a static block', 'class A {\n  static { foo(() => { y() }) }\n}\n', 'a.js', [{ find: 'y()', text: 'y(arguments)' }]],
    ['await in a plain arrow in an async function', 'async function f() {\n  const g = () => { y() }\n}\n', 'a.js', [{ find: 'y()', text: 'await y()' }]],
    ['an arrow body closed early, declaring a name twice', 'let g = () => { y() }\nlet h = 1\n', 'a.js', [{ find: 'y()', text: '}; let h = () => {' }]],
    ['a broken edit in an arrow in a method', 'class A {\n  m() { foo(() => { y() }) }\n}\n', 'a.js', [{ find: 'y()', text: 'y(' }]],
  ] as Array<[string, string, string, Change[]]>)('%s', (_label, source, file, changes) => {
    rejects(source, file, changes);
  });

  // Found by the second review: contexts the wrapper cannot give a part.
  it.each([
    ['an arrow in a declared function\'s default parameter', 'declare function f(cb = () => { y() }): void;\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['an arrow in an exported declared function', 'export declare function f(cb = () => { y() }): void;\n', 'a.ts', [{ find: 'y()', text: 'function g() {}' }]],
    ['an arrow in a declared namespace', 'declare namespace N {\n  function f(cb = () => { y() }): void\n}\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['an arrow in a declared module', "declare module 'm' {\n  export default () => { y() }\n}\n", 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['an arrow in a declared enum', 'declare enum E {\n  A = (() => { y() })()\n}\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['an arrow in a declared class method\'s parameter', 'declare class C {\n  m(cb = () => { y() }): void\n}\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['a class property arrow in a declared class', 'declare class C {\n  readonly x = () => { y() }\n}\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['declare global', 'declare global {\n  function f(cb = () => { y() }): void\n}\nexport {}\n', 'a.ts', [{ find: 'y()', text: 'let z = 1' }]],
    ['a generic arrow that reads as JSX in the file (Flow)', 'const f = <T>(x: T) => { y(); };\n// see </T> here\n', 'a.js', [{ find: 'y();', text: 'y()' }]],
    ['a generic arrow that reads as JSX in the file (TSX)', 'const f = <T extends unknown>(x: T) => { y(); };\n// see </T> here\n', 'a.tsx', [{ find: 'y();', text: 'y()' }]],
    ['a generic class property arrow that reads as JSX', 'class A {\n  f = <T>(x: T) => { y(); };\n}\n// see </T> here\n', 'a.js', [{ find: 'y();', text: 'y()' }]],
    ['a generic arrow emptied', 'const f = <T>(x: T) => { y(); };\n// see </T> here\n', 'a.js', [{ find: 'y();', text: '' }]],
    ['Flow call type arguments in an arrow (@flow)', '// @flow\nconst g = () => { y() }\n', 'a.js', [{ find: 'y()', text: 'new a < b > (c)++' }]],
    ['Flow call type arguments in a function (@flow)', '// @flow\nfunction g() { y() }\n', 'a.js', [{ find: 'y()', text: 'new a < b > (c)++' }]],
    ['Flow call type arguments inserted at the top level (@flow)', '// @flow\nfoo()\n', 'a.js', [{ at: '\nfoo()', text: '\nnew a < b > (c)++' }]],
  ] as Array<[string, string, string, Change[]]>)('%s', (_label, source, file, changes) => {
    rejects(source, file, changes);
  });

  it('a broken edit at the top level of an object literal (no part to prove alone)', () => {
    rejects(PAGE, 'page.js', [{ at: '\n  onPressEnd', text: '\n  onUnload() {},,' }]);
  });
});

describe('what the parts cannot decide goes to the whole output', () => {
  it('sloppy-mode syntax in a script (the part is parsed strict)', () => {
    expect(prove(PAGE, 'page.js', [{ find: 'wx.stopRecord()', text: 'var n = 010' }])).toBe('whole');
  });

  it('a private name declared outside the method', () => {
    const source = 'class A {\n  #x = 1\n  m() { wx.stopRecord(); return this.#x }\n}\n';
    expect(prove(source, 'a.js', [{ find: 'wx.stopRecord()', text: 'recorderManager.stop()' }])).toBe('whole');
  });

  it('super in an arrow in a method (legal there, not in the wrapper)', () => {
    const source = 'class A extends B {\n  m() { foo(() => { y() }) }\n}\n';
    expect(prove(source, 'a.js', [{ find: 'y()', text: 'super.m()' }])).toBe('whole');
  });

  it('an arrow below an async function or in a class field is not a part of its own', () => {
    // The component's octal literal fails the outer function alone: only the whole parse is left.
    const inAsync = 'async function load() {\n  var mode = 010\n  const g = () => { y() }\n}\n';
    expect(prove(inAsync, 'a.js', [{ find: 'y()', text: 'z()' }])).toBe('whole');
    const inField = 'var mode = 010\nclass A {\n  x = foo(() => { y() })\n}\n';
    expect(prove(inField, 'a.js', [{ find: 'y()', text: 'z()' }])).toBe('whole');
  });

  it('a method added to the page object', () => {
    expect(prove(PAGE, 'page.js', [{ at: '\n  onPressEnd', text: '\n  onUnload() { recorderManager.stop() },' }])).toBe('whole');
  });
});

describe('every migrated fixture and corpus file parses whole', () => {
  const root = path.join(__dirname, '..');
  const corpus = fs
    .readdirSync(path.join(root, 'test', 'corpus'))
    .filter((name) => /\.(jsx?|tsx?)$/.test(name))
    .map((name): [string, string] => [`corpus ${name}`, path.join(root, 'test', 'corpus', name)]);
  const fixtures = listFixtures()
    .filter((f) => !/^(vue|wpy)$/.test(f.ext))
    .map((f): [string, string] => [`fixture ${path.basename(f.inputPath)}`, f.inputPath]);

  it.each([...fixtures, ...corpus])('%s', (_label, file) => {
    let output: string;
    try {
      output = migrateSource(fs.readFileSync(file, 'utf8'), file, { shimImport: './startrecord-shim' }).output;
    } catch (error) {
      // Inputs that prove an error is reported; never the proof rejecting a good output.
      expect(String(error)).not.toMatch(/would not parse/);
      return;
    }
    expect(() => parseAst(output, file)).not.toThrow();
  });
});
