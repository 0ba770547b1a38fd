import { VISITOR_KEYS } from '@babel/types';
import { forEachChildGeneric, NodeIndex } from '../src/migrate/node-index';
import { parseAst } from '../src/migrate/parse';
import { scriptSources } from './support/sources';

/**
 * The index walks each node's children by Babel's VISITOR_KEYS. If a key were missing
 * from that table (a parser upgrade, a plugin's node), the call sites under it would be
 * invisible and left alone in silence. So the fast walk is checked against the generic
 * one, which follows every property holding a node, on every source the tests know.
 */

/** Syntax the test files may not hold: every plugin the parser is set up with. */
const EXOTIC: Array<[string, string, string]> = [
  [
    'flow, decorators, proposals (.js)',
    `// @flow
import type { T } from './t'
import json from './data.json' with { type: 'json' }
type Props = { +name: string, cb?: (x: number) => void }
@connect(state => state) export default class A extends B<Props> {
  static #count = 0
  #secret: ?string = null
  @observable value: number = 1
  get #x() { return this.#secret }
  async *gen() { yield* other(); await wx.startRecord({ success: (r) => r }) }
}
const v = do { if (a) { 1 } else { 2 } }
const p = x |> f
const b = ::obj.method
export v2 from './mod'
const big = 1_000n
label: for (const [k, { v = 1, ...rest }] of Object.entries(o ?? {})) { a ||= b; c?.d?.(e); throw_ = () => throw new Error() }
const el = <ns:tag {...props} attr={\`x\${y}\`}>{/* c */}<></></ns:tag>
function* g() { const s = function.sent }
opaque type Id = string
declare function f(x: number): string
`,
    'exotic.js',
  ],
  [
    'typescript (.ts)',
    `import type { A } from './a'
import fs = require('fs')
export = something
declare module 'm' { export const x: number }
namespace N.M { export enum E { A = 1, B } }
abstract class C<T extends object = {}> implements I {
  private readonly x!: T
  constructor(public y?: string) { this.m() }
  abstract m(): void
  @dec() method<U>(this: C<T>, a: U, ...r: unknown[]): asserts a is string { return <any>a as unknown satisfies never }
  accessor z = 1
}
type M<T> = { readonly [K in keyof T]-?: T[K] extends infer U ? U : never }
type F = new (...a: any[]) => unknown
type Tpl = \`a\${string}\`
let u: typeof import('./x')
const e = obj!.prop!
enum Color { Red }
function over(a: string): void
function over(a: any) { wx.startRecord({ success: (r: any) => r }) }
`,
    'exotic.ts',
  ],
  ['typescript with JSX (.tsx)', `const C = <T,>(p: { f: T }) => <div onClick={() => Taro.stopRecord()}>{p.f as any}</div>\n`, 'exotic.tsx'],
];

/** Every node the generic walk reaches, by type, in walk order. */
function genericByType(root: any): Map<string, any[]> {
  const byType = new Map<string, any[]>();
  const visit = (node: any): void => {
    byType.set(node.type, [...(byType.get(node.type) ?? []), node]);
    forEachChildGeneric(node, visit);
  };
  visit(root);
  return byType;
}

describe('the node index sees every node', () => {
  const all = [...scriptSources(), ...EXOTIC];

  it('has many sources to look at', () => {
    expect(all.length).toBeGreaterThan(300);
  });

  it.each(all)('%s', (label, text, file) => {
    let ast: any;
    try {
      ast = parseAst(text, file);
    } catch (error) {
      // Only the fixtures that prove a syntax error is reported may not parse.
      expect({ label, error: String(error) }).toEqual({ label: expect.stringMatching(/syntax-error|parse-error/), error: expect.anything() });
      return;
    }
    const index = new NodeIndex(ast);
    const generic = genericByType(ast);
    for (const type of new Set([...Object.keys(VISITOR_KEYS), ...generic.keys()])) {
      const expected = (generic.get(type) ?? []).map((n) => `${n.start}-${n.end}`).sort();
      const seen = index.of(type).map((n: any) => `${n.start}-${n.end}`).sort();
      expect({ type, seen }).toEqual({ type, seen: expected });
      // Callers read the lists in source order.
      const starts = index.of(type).map((n: any) => n.start);
      expect({ type, starts }).toEqual({ type, starts: [...starts].sort((a, b) => a - b) });
    }
  });

  it('finds the ancestors of a node deep in the tree', () => {
    const ast = parseAst(EXOTIC[1][1], 'exotic.ts');
    const index = new NodeIndex(ast);
    const call = index.of('CallExpression').find((n: any) => n.callee.property?.name === 'startRecord');
    const parent = index.parentOf(call);
    expect(parent.type).toBe('ExpressionStatement');
  });
});

describe('pathTo', () => {
  test('finds a node inside a parameter decorator, which lies outside its parameter\'s range', () => {
    const { parseFile } = require('../src/migrate/parse') as typeof import('../src/migrate/parse');
    for (const code of ['class A { m(@d(wx.startRecord()) a) {} }', 'class A { constructor(@Inject(wx.stopRecord) private a: number) {} }']) {
      const { root, index } = parseFile(code, 'a.ts');
      const member = index.of('MemberExpression')[0];
      const path = index.pathTo(root.get(), member);
      expect(path.node).toBe(member);
      expect(index.parentOf(member)?.type).toBe('CallExpression');
    }
  });
});
