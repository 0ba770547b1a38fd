/**
 * The script blocks of a single-file component (`.vue`: Taro Vue, uni-app, mpvue; `.wpy`:
 * WePY 1 and 2), ready for the loader to run.
 *
 * Supported:
 * - One `<script>` and/or one `<script setup>` (found with `@vue/compiler-sfc`), `lang`
 *   absent, js, javascript, babel, jsx, ts, typescript or tsx. Template, styles and custom
 *   blocks (WePY's `<config>`) are ignored: they have no behaviour the simulation traces.
 * - The `<script>` block is the component's module: it runs at load, as any module.
 * - The `<script setup>` block is the body of the component's `setup()`: it runs once per
 *   mounted instance (driver.ts), not at load, as in Vue. To reach its top-level functions
 *   (the template's event handlers), an export of every top-level function is appended
 *   before compiling (`SETUP_FUNCTIONS_EXPORT`). Vue's compiler macros (`defineProps`,
 *   `defineEmits`, ...) are parameters of the compiled block's wrapper (vue-lite.ts).
 * - In `.vue` files, uni-app's conditional compilation (`// #ifdef MP-WEIXIN` ...
 *   `// #endif`, `#ifndef`, `||`/`&&` of platform names, in line or block comments) is
 *   applied for a WeChat mini-program build of Vue 3 (`UNI_PLATFORMS`): code of other
 *   platforms is blanked out (line numbers stay), as uni-app's preprocessor removes it.
 *
 * Not supported (a clear LoadError): `<script src="...">`, other languages (CoffeeScript,
 * ...), a file compiler-sfc cannot split into blocks, a component without any script.
 */
import * as path from 'path';
import * as ts from 'typescript';
import type { SFCParseResult } from '@vue/compiler-sfc';
import { extensionForLang as migrationExtensionForLang } from '../../src/migrate/sfc';

/** Extensions of single-file components. */
export const SFC_EXTENSIONS: readonly string[] = ['vue', 'wpy'];

export function isSfcFile(filename: string): boolean {
  return SFC_EXTENSIONS.includes(path.extname(filename).slice(1).toLowerCase());
}

/** Name under which the compiled `<script setup>` block exports its top-level functions. */
export const SETUP_FUNCTIONS_EXPORT = '__sfcSetupFunctions__';

/** Platform names defined for uni-app's conditional compilation (a WeChat mini-program build). */
export const UNI_PLATFORMS: readonly string[] = ['MP-WEIXIN', 'MP', 'VUE3', 'UNI-APP'];

export interface SfcBlock {
  /** The block's code (after conditional compilation; for setup, with the export appended). */
  code: string;
  /** A virtual file name ending in the block's language, which picks the TypeScript parser. */
  virtualName: string;
}

export interface SfcSetupBlock extends SfcBlock {
  /** Top-level function names of the block, in source order. */
  functions: string[];
}

export interface SfcScripts {
  script: SfcBlock | undefined;
  setup: SfcSetupBlock | undefined;
  /** The original script contents concatenated (for `requiredModules`). */
  text: string;
}

export class SfcError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SfcError';
  }
}

type CompilerSfc = typeof import('@vue/compiler-sfc');
let compilerSfc: CompilerSfc | undefined;
/** Loaded on first use, like src/migrate/sfc.ts does (it pulls in postcss and more). */
function loadCompilerSfc(): CompilerSfc {
  return (compilerSfc ??= require('@vue/compiler-sfc') as CompilerSfc);
}

/** `lang` -> the extension that makes TypeScript parse the block: the migration's own mapping. */
export function extensionForLang(lang: string | undefined): '.js' | '.jsx' | '.ts' | '.tsx' | undefined {
  return migrationExtensionForLang(lang) ?? undefined;
}

const cache = new Map<string, SfcScripts>();

/** The script blocks of `code` (a `.vue`/`.wpy` file). Throws SfcError when it cannot run. */
export function sfcScripts(code: string, filename: string): SfcScripts {
  const key = `${filename}\0${code}`;
  let out = cache.get(key);
  if (!out) {
    out = extract(code, filename);
    cache.set(key, out);
  }
  return out;
}

function extract(code: string, filename: string): SfcScripts {
  let parsed: SFCParseResult;
  try {
    parsed = loadCompilerSfc().parse(code, {
      filename,
      sourceMap: false,
      // Template expressions are not parsed: WePY 1 templates (`@tap="play({{index}})"`)
      // are not Vue 3 JavaScript, and only the script blocks matter here.
      templateParseOptions: { prefixIdentifiers: false },
    });
  } catch (e) {
    throw new SfcError(`not a single-file component compiler-sfc can read: ${(e as Error).message}`);
  }
  const { descriptor } = parsed;
  // Template or style errors do not matter as long as the script blocks were found; a
  // script block that swallowed the rest of the file would fail to compile anyway.
  if (!descriptor.script && !descriptor.scriptSetup) {
    const why = parsed.errors.length > 0 ? ` (${parsed.errors[0].message})` : '';
    throw new SfcError(`has no <script> or <script setup> block${why}`);
  }
  const uni = path.extname(filename).toLowerCase() === '.vue';
  const texts: string[] = [];
  const block = (b: NonNullable<typeof descriptor.script>, kind: 'script' | 'setup'): { code: string; ext: string } => {
    const label = `<script${kind === 'setup' ? ' setup' : ''}${typeof b.lang === 'string' ? ` lang="${b.lang}"` : ''}>`;
    if (typeof b.src === 'string') throw new SfcError(`${label} with src="${b.src}": external script files are not simulated`);
    const ext = extensionForLang(typeof b.lang === 'string' ? b.lang : undefined);
    if (!ext) throw new SfcError(`${label}: only JavaScript, TypeScript, JSX and TSX blocks are simulated`);
    texts.push(b.content);
    return { code: uni ? applyConditionalCompilation(b.content, UNI_PLATFORMS) : b.content, ext };
  };

  let script: SfcBlock | undefined;
  if (descriptor.script) {
    const { code: c, ext } = block(descriptor.script, 'script');
    script = { code: c, virtualName: `${filename}.script${ext}` };
  }
  let setup: SfcSetupBlock | undefined;
  if (descriptor.scriptSetup) {
    const { code: c, ext } = block(descriptor.scriptSetup, 'setup');
    const virtualName = `${filename}.setup${ext}`;
    const functions = topLevelFunctions(c, virtualName);
    const exported = `\n;export const ${SETUP_FUNCTIONS_EXPORT} = { ${functions.join(', ')} };\n`;
    setup = { code: c + exported, virtualName, functions };
  }
  if (script && setup) {
    // Vue compiles both blocks into one module, its imports hoisted to the top: each block
    // sees the other's imports. Here each runs on its own, so each gets the other's import
    // declarations in front of its code (on its first line: line numbers stay).
    const forScript = importsOf(setup.code, setup.virtualName, script.code, script.virtualName);
    const forSetup = importsOf(script.code, script.virtualName, setup.code, setup.virtualName);
    script = { ...script, code: forScript + script.code };
    setup = { ...setup, code: forSetup + setup.code };
  }
  return { script, setup, text: texts.join('\n') };
}

/** The value import declarations of `code`, on one line, but for names `into` imports itself. */
function importsOf(code: string, virtualName: string, into: string, intoName: string): string {
  const importsIn = (text: string, name: string) =>
    ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, scriptKind(name)).statements.filter(ts.isImportDeclaration);
  const localsOf = (declaration: ts.ImportDeclaration): string[] => {
    const clause = declaration.importClause;
    const bindings = clause?.namedBindings;
    return [
      ...(clause?.name ? [clause.name.text] : []),
      ...(bindings && ts.isNamespaceImport(bindings) ? [bindings.name.text] : []),
      ...(bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : []),
    ];
  };
  const own = new Set(importsIn(into, intoName).flatMap(localsOf));
  const taken: string[] = [];
  for (const declaration of importsIn(code, virtualName)) {
    if (declaration.importClause?.isTypeOnly || localsOf(declaration).some((name) => own.has(name))) continue;
    taken.push(declaration.getText().replace(/\s*\n\s*/g, ' '));
  }
  return taken.map((text) => `${text};`).join(' ');
}

function scriptKind(virtualName: string): ts.ScriptKind {
  switch (path.extname(virtualName)) {
    case '.ts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

/**
 * Names of the block's top-level functions: `function f() {}` and `const f = () => {}` /
 * `const f = function () {}` (also `async`, and through parentheses, `as` or `satisfies`).
 */
export function topLevelFunctions(code: string, virtualName: string): string[] {
  const sf = ts.createSourceFile(virtualName, code, ts.ScriptTarget.Latest, true, scriptKind(virtualName));
  const names: string[] = [];
  const isFunctionValue = (e: ts.Expression | undefined): boolean => {
    while (
      e &&
      (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e) || ts.isTypeAssertionExpression(e))
    ) {
      e = e.expression;
    }
    return e !== undefined && (ts.isArrowFunction(e) || ts.isFunctionExpression(e));
  };
  for (const stmt of sf.statements) {
    if (ts.isFunctionDeclaration(stmt) && stmt.name && stmt.body) names.push(stmt.name.text);
    else if (ts.isVariableStatement(stmt)) {
      if (stmt.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
      for (const d of stmt.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && isFunctionValue(d.initializer)) names.push(d.name.text);
      }
    }
  }
  return [...new Set(names)];
}

const DIRECTIVE = /^\s*(?:\/\/|\/\*|<!--)\s*#(ifdef|ifndef|endif)\b([^\r\n]*?)\s*(?:\*\/|-->)?\s*$/;

/**
 * uni-app's conditional compilation: lines between `#ifdef X` and `#endif` stay only when
 * X is defined (`#ifndef`: when it is not). X may combine names with `||` and `&&`.
 * Removed lines become empty (their line ending stays); the directive comments stay.
 */
export function applyConditionalCompilation(code: string, defined: readonly string[]): string {
  if (!/#(?:ifn?def|endif)\b/.test(code)) return code;
  const lines = code.split('\n');
  const stack: boolean[] = [];
  const active = () => stack.every(Boolean);
  const holds = (cond: string): boolean =>
    cond
      .split('||')
      .some((alt) => alt.split('&&').every((name) => name.trim() !== '' && defined.includes(name.trim())));
  const out = lines.map((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (m) {
      if (m[1] === 'endif') {
        if (stack.length === 0) throw new SfcError(`#endif without #ifdef/#ifndef at script line ${i + 1}`);
        stack.pop();
      } else {
        const cond = m[2].trim();
        if (cond === '') throw new SfcError(`#${m[1]} without a platform at script line ${i + 1}`);
        stack.push(m[1] === 'ifdef' ? holds(cond) : !holds(cond));
      }
      return line;
    }
    return active() ? line : line.endsWith('\r') ? '\r' : '';
  });
  if (stack.length > 0) throw new SfcError('#ifdef/#ifndef without #endif');
  return out.join('\n');
}
