import * as path from 'path';
import type { SFCParseResult, SFCScriptBlock } from '@vue/compiler-sfc';
import { MigrateOptions, MigrationError, MigrationResult, SiteReport } from './report';

/** `.vue` (Taro Vue, uni-app, mpvue) and `.wpy` (WePY) files hold scripts inside markup. */
export function isSingleFileComponent(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.vue' || ext === '.wpy';
}

export type ScriptMigrator = (source: string, filePath: string, options: MigrateOptions) => MigrationResult;

type CompilerSfc = typeof import('@vue/compiler-sfc');
let compilerSfc: CompilerSfc | undefined;

/**
 * Loaded on first use: it pulls in Vue's template compilers and postcss (about 100 ms),
 * which a project without `.vue`/`.wpy` files should not pay for.
 */
function loadCompilerSfc(): CompilerSfc {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (compilerSfc ??= require('@vue/compiler-sfc') as CompilerSfc);
}

/**
 * The script language of a block, as the extension that makes `parserFor` pick its parser.
 * WePY writes `lang="babel"` and `lang="typescript"`; null means a language we cannot parse.
 */
export function extensionForLang(lang: string | undefined): '.js' | '.jsx' | '.ts' | '.tsx' | null {
  switch ((lang ?? '').trim().toLowerCase()) {
    case '':
    case 'js':
    case 'javascript':
    case 'babel':
      return '.js';
    case 'jsx':
      return '.jsx';
    case 'ts':
    case 'typescript':
      return '.ts';
    case 'tsx':
      return '.tsx';
    default:
      return null;
  }
}

/**
 * Errors compiler-sfc reports about Vue 3 semantics rather than about the file's structure.
 * They do not move any block, and the files are valid for the frameworks that use them
 * (`<template functional>` is Vue 2, which mpvue and uni-app's Vue 2 mode compile). A
 * `<script src>` next to `<script setup>` is reported and dropped by compiler-sfc; we would
 * skip a `src` block anyway.
 */
const IGNORED_SFC_ERRORS: readonly string[] = [
  '<template functional> is no longer supported',
  '<style vars> has been replaced',
  '<script> cannot use the "src" attribute',
  '<script setup> cannot use the "src" attribute',
];

interface ScriptBlock {
  /** `<script setup lang="ts">`, as a reader would recognise the block. */
  label: string;
  setup: boolean;
  /** Offsets of the block's content (between the tags) in the whole file. */
  start: number;
  end: number;
  /** 1-based position of the content's first character in the whole file. */
  line: number;
  column: number;
  content: string;
  lang: string | undefined;
  src: string | undefined;
}

/**
 * Migrates every `<script>` and `<script setup>` block of a single-file component with
 * `migrateScript`, and splices the changed contents back into the original text by offset:
 * everything outside the script contents (template, styles, custom blocks such as WePY's
 * `<config>`, line endings, a BOM) stays byte-identical. Positions in the report are
 * translated from block-relative to whole-file lines and columns. Returns the input string
 * itself when nothing changes; throws MigrationError when the component does not parse,
 * a block does not parse, or a block's language cannot be parsed but mentions the API.
 */
export function migrateSfc(source: string, filePath: string, options: MigrateOptions, migrateScript: ScriptMigrator): MigrationResult {
  const blocks = scriptBlocks(source, filePath);
  const sites: SiteReport[] = [];
  const replacements: Array<{ block: ScriptBlock; output: string }> = [];

  for (const block of blocks) {
    // The code lives in another file, which is migrated on its own when it is given.
    if (block.src !== undefined) continue;
    const ext = extensionForLang(block.lang);
    if (ext === null) {
      if (mentionsLegacyApi(block.content)) {
        throw new MigrationError(
          `${block.label} is in a language the codemod cannot parse (only JavaScript, TypeScript, JSX and TSX blocks are migrated); migrate its startRecord/stopRecord calls by hand (line ${block.line}, column ${block.column})`,
          block.line,
          block.column,
        );
      }
      continue;
    }
    // The virtual path keeps the file's name (for messages) and ends in the block's
    // language, which is what picks the parser.
    const virtualPath = `${filePath}.${block.setup ? 'setup' : 'script'}${ext}`;
    let result: MigrationResult;
    try {
      result = migrateScript(block.content, virtualPath, options);
    } catch (error) {
      if (error instanceof MigrationError) throw inFile(error, block);
      throw error;
    }
    sites.push(...result.sites.map((site) => toFilePosition(site, block)));
    if (result.changed && result.output !== block.content) replacements.push({ block, output: result.output });
  }

  sites.sort((a, b) => a.line - b.line || a.column - b.column);
  if (replacements.length === 0) return { output: source, changed: false, sites };

  // Later blocks first, so that earlier offsets stay valid.
  let output = source;
  for (const { block, output: content } of [...replacements].sort((a, b) => b.block.start - a.block.start)) {
    output = output.slice(0, block.start) + content + output.slice(block.end);
  }
  verifyBlocks(output, filePath, replacements);
  return { output, changed: true, sites };
}

/** The `<script>` and `<script setup>` blocks, in file order. Throws on a malformed file. */
function scriptBlocks(source: string, filePath: string): ScriptBlock[] {
  const { descriptor, errors } = parseSfc(source, filePath);
  const fatal = errors.find((e) => !IGNORED_SFC_ERRORS.some((prefix) => e.message.startsWith(prefix)));
  if (fatal) throw sfcError(fatal, source);

  const blocks: ScriptBlock[] = [];
  for (const block of [descriptor.script, descriptor.scriptSetup]) {
    if (!block) continue;
    const start = block.loc.start.offset;
    const end = block.loc.end.offset;
    // compiler-sfc's content is the text between the tags, unchanged; everything below
    // relies on that, so a different answer (another version, a `pad` option) stops here.
    if (source.slice(start, end) !== block.content) {
      throw new MigrationError(
        `internal error: the content of ${labelOf(block)} does not match its position in the file; the file was left untouched. Please report this.`,
      );
    }
    blocks.push({
      label: labelOf(block),
      setup: Boolean(block.setup),
      start,
      end,
      line: block.loc.start.line,
      column: block.loc.start.column,
      content: block.content,
      lang: typeof block.lang === 'string' ? block.lang : undefined,
      src: typeof block.src === 'string' ? block.src : undefined,
    });
  }
  return blocks.sort((a, b) => a.start - b.start);
}

function parseSfc(source: string, filePath: string): SFCParseResult {
  return loadCompilerSfc().parse(source, {
    filename: filePath,
    sourceMap: false,
    // We only need the blocks. Without this, compiler-sfc also parses every template
    // expression as Vue 3 JavaScript and rejects valid mini-program templates, e.g. WePY
    // 1's `@tap="select({{index}})"` or mpvue's `:class="{{cls}}"`.
    templateParseOptions: { prefixIdentifiers: false },
  });
}

function labelOf(block: SFCScriptBlock): string {
  const setup = block.setup ? ' setup' : '';
  const lang = typeof block.lang === 'string' ? ` lang="${block.lang}"` : '';
  const src = typeof block.src === 'string' ? ` src="${block.src}"` : '';
  return `<script${setup}${lang}${src}>`;
}

function mentionsLegacyApi(text: string): boolean {
  return text.includes('startRecord') || text.includes('stopRecord');
}

/** A compiler-sfc error as a MigrationError naming the element and where it is. */
function sfcError(error: Error & { loc?: { start: { line: number; column: number; offset: number } } | null }, source: string): MigrationError {
  let message = error.message.replace(/\.$/, '');
  const at = error.loc?.start;
  if (at) {
    // "Element is missing end tag." says which element only through its position.
    const tag = /^<([A-Za-z][\w:-]*)/.exec(source.slice(at.offset, at.offset + 64));
    if (tag && /^Element\b/.test(message)) message = message.replace(/^Element\b/, `<${tag[1]}> element`);
    return new MigrationError(
      `not a well-formed single-file component: ${message} (line ${at.line}, column ${at.column})`,
      at.line,
      at.column,
    );
  }
  return new MigrationError(`not a well-formed single-file component: ${message}`);
}

/** 1-based block-relative position -> 1-based whole-file position. */
function filePosition(block: ScriptBlock, line: number, column: number): { line: number; column: number } {
  return { line: block.line + line - 1, column: line === 1 ? block.column + column - 1 : column };
}

/** Block-relative line numbers in reasons and notes ("... at line 12 ...") follow the site. */
function shiftLineMentions(text: string, block: ScriptBlock): string {
  return text.replace(/\bat line (\d+)\b/g, (_, n: string) => `at line ${block.line + Number(n) - 1}`);
}

function toFilePosition(site: SiteReport, block: ScriptBlock): SiteReport {
  const { line, column } = filePosition(block, site.line, site.column);
  return {
    ...site,
    line,
    column,
    ...(site.reason !== undefined ? { reason: shiftLineMentions(site.reason, block) } : {}),
    notes: site.notes.map((note) => shiftLineMentions(note, block)),
  };
}

/** A block's MigrationError, with its position (and the one in its message) in the whole file. */
function inFile(error: MigrationError, block: ScriptBlock): MigrationError {
  if (error.line === undefined) return new MigrationError(`${block.label}: ${error.message}`);
  const { line, column } = filePosition(block, error.line, error.column ?? 1);
  const message = error.message.replace(
    /\(line (\d+), column (\d+)\)$/,
    (whole, l: string, c: string) =>
      Number(l) === error.line && Number(c) === error.column ? `(line ${line}, column ${column})` : whole,
  );
  return new MigrationError(`${block.label}: ${message}`, line, column);
}

/**
 * The last line of defence for components: the result must still split into the same
 * script blocks, each holding exactly the migrated text (a `</script` in the new text, for
 * instance, would end the block early).
 */
function verifyBlocks(output: string, filePath: string, replacements: Array<{ block: ScriptBlock; output: string }>): void {
  let problem: string | null = null;
  try {
    const { descriptor, errors } = parseSfc(output, filePath);
    const fatal = errors.find((e) => !IGNORED_SFC_ERRORS.some((prefix) => e.message.startsWith(prefix)));
    if (fatal) {
      problem = fatal.message;
    } else {
      for (const { block, output: content } of replacements) {
        const again = block.setup ? descriptor.scriptSetup : descriptor.script;
        if (!again || again.content !== content) problem = `${block.label} would not hold the migrated code`;
      }
    }
  } catch (error) {
    problem = (error as Error).message;
  }
  if (problem !== null) {
    throw new MigrationError(
      `internal error: the rewritten component would not parse (${problem}); the file was left untouched. Please report this.`,
    );
  }
}
