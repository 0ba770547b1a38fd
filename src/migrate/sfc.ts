import * as path from 'path';
import type { SFCParseResult, SFCScriptBlock } from '@vue/compiler-sfc';
import { RECORDING_APIS, mentionsApiNames } from './api-names';
import { NOTES } from './notes';
import { BlockSource, RestOfComponent, restOfComponent } from './sfc-other-block';
import { MigrateOptions, MigrationError, MigrationResult, SiteReport } from './report';

/** `.vue` (Taro Vue, uni-app, mpvue) and `.wpy` (WePY) files hold scripts inside markup. */
export function isSingleFileComponent(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.vue' || ext === '.wpy';
}

export type ScriptMigrator = (source: string, filePath: string, options: MigrateOptions, rest?: RestOfComponent) => MigrationResult;

type CompilerSfc = typeof import('@vue/compiler-sfc');
let compilerSfc: CompilerSfc | undefined;

/**
 * Loaded on first use: it pulls in Vue's template compilers and postcss (about 100 ms),
 * which a project without `.vue`/`.wpy` files should not pay for.
 */
function loadCompilerSfc(): CompilerSfc {
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

function firstFatalError(errors: SFCParseResult['errors']): SFCParseResult['errors'][number] | undefined {
  return errors.find((e) => !IGNORED_SFC_ERRORS.some((prefix) => e.message.startsWith(prefix)));
}

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
  const { blocks, lenient } = scriptBlocks(source, filePath);
  const rests = restsOf(blocks, source, filePath);
  const sites: SiteReport[] = [];
  const replacements: Array<{ block: ScriptBlock; output: string }> = [];
  const blocksWithSites: BlockSites[] = [];

  for (const block of blocks) {
    // The code lives in another file, which is migrated on its own when it is given.
    if (block.src !== undefined) continue;
    const ext = extensionForLang(block.lang);
    if (ext === null) {
      // Only a recording call fails the file; playback alone is never migrated there.
      if (mentionsApiNames(block.content, RECORDING_APIS)) {
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
    const script = dedent(block.content);
    let result: MigrationResult;
    try {
      result = migrateScript(script.text, virtualPath, options, rests.get(block));
    } catch (error) {
      if (error instanceof MigrationError) throw inFile(error, block, script);
      throw error;
    }
    const blockSites = result.sites.map((site) => toFilePosition(site, block, script));
    sites.push(...blockSites);
    const ours = blockSites.filter((site) => site.action !== 'ignored');
    const recording = ours.filter((site) => (RECORDING_APIS as readonly string[]).includes(site.api));
    if (ours.length > 0) blocksWithSites.push({ block, recording, playback: ours.filter((site) => !recording.includes(site)) });
    if (!result.changed || result.output === script.text) continue;
    const output = reindent(result.output, script.indent);
    if (output !== block.content) replacements.push({ block, output });
  }

  sites.sort((a, b) => a.line - b.line || a.column - b.column);
  const why = whyTheComponentIsLeftAlone(blocksWithSites, rests, outsideScripts(blocks, source));
  if (why) return { output: source, changed: false, sites: sites.map((site) => leftAlone(site, why)) };
  if (lenient) {
    // Said on every site, so that the report carries it with the file.
    const note = NOTES.sfcReadLeniently(lenient);
    for (const site of sites) site.notes.push(note);
  }
  if (replacements.length === 0) return { output: source, changed: false, sites };

  // Later blocks first, so that earlier offsets stay valid.
  let output = source;
  for (const { block, output: content } of [...replacements].sort((a, b) => b.block.start - a.block.start)) {
    output = output.slice(0, block.start) + content + output.slice(block.end);
  }
  verifyBlocks(output, filePath, replacements, lenient !== null);
  return { output, changed: true, sites };
}

/**
 * What each script block (of its own code, not `src`) that mentions the API shares with
 * the rest of its component (sfc-other-block.ts): the other script block, when there is
 * one, and the words of everything outside the script blocks (the template reads the
 * script's names).
 */
function restsOf(blocks: ScriptBlock[], source: string, filePath: string): Map<ScriptBlock, RestOfComponent> {
  const rests = new Map<ScriptBlock, RestOfComponent>();
  const own = blocks.filter((b) => b.src === undefined);
  const outside = outsideScripts(blocks, source);
  const sourceOf = (block: ScriptBlock): BlockSource => {
    const ext = extensionForLang(block.lang);
    return {
      label: block.label,
      setup: block.setup,
      code: block.content,
      virtualPath: ext === null ? null : `${filePath}.${block.setup ? 'setup' : 'script'}${ext}`,
      line: block.line,
    };
  };
  for (const block of own) {
    if (!mentionsApiNames(block.content)) continue;
    const other = own.find((b) => b.setup !== block.setup);
    // The template reads `<script setup>`'s names (and, next to it, the plain block's).
    const templateSees = block.setup || other !== undefined;
    rests.set(block, restOfComponent(sourceOf(block), other ? sourceOf(other) : null, templateSees ? outside : null));
  }
  return rests;
}

/** The file's text outside its script blocks (template, styles, custom blocks). */
function outsideScripts(blocks: ScriptBlock[], source: string): string {
  let outside = '';
  let at = 0;
  for (const block of blocks) {
    outside += source.slice(at, block.start) + '\n';
    at = block.end;
  }
  return outside + source.slice(at);
}

interface BlockSites {
  block: ScriptBlock;
  /** Its startRecord/stopRecord sites, and its playback sites (not the ignored ones). */
  recording: SiteReport[];
  playback: SiteReport[];
}

/** A host's recording function called in the template itself (`@touchend="Taro.stopRecord()"`). */
const TEMPLATE_CALL = /\b(?:wx|qq|swan|Taro)\s*\.\s*(?:start|stop)Record\b/;

/**
 * Each script block is migrated on its own, so what keeps one file's recording together
 * (start and stop through the same API, starts with different callbacks kept apart, the
 * playback moving with the recording's new format, see decide.ts and playback-decide.ts)
 * does not reach across blocks or into the template. A component is left as it is, with
 * the reason, when a recording would be split that way: a start converted in one block
 * with its stop shimmed or kept elsewhere would not stop (the shim and the old API each
 * stop only their own recordings). Null when nothing is split.
 */
function whyTheComponentIsLeftAlone(blocks: BlockSites[], rests: Map<ScriptBlock, RestOfComponent>, outside: string): string | null {
  const tail = 'move the recording code into one block and run the codemod again, or migrate it by hand';
  const recording = blocks.filter((b) => b.recording.length > 0);
  if (recording.length === 0) return null;
  const template = TEMPLATE_CALL.exec(outside);
  if (template) return `this component's template calls ${template[0].replace(/\s+/g, '')} itself, which the codemod does not migrate: its script's recording calls are left alone with it; ${tail}`;
  for (const { block } of recording) {
    const other = rests.get(block)?.otherBlock;
    if (other && rests.get(block)!.otherRecords) {
      return `this component's other script block, ${other.label}, already records with the recorder manager or the shim, which the codemod does not see from ${block.label}: its listeners and stops would meet this block's recordings, so all of them are left alone; ${tail}`;
    }
  }
  const moves = recording.some((b) => b.recording.some((site) => site.action === 'converted' || site.action === 'shimmed'));
  const playsElsewhere = blocks.find((b) => b.playback.length > 0 && !recording.includes(b));
  if (moves && playsElsewhere) {
    return `this component plays in its ${playsElsewhere.block.label} block what another block records: the playback must move with the recording (the new recordings are aac), which the codemod does only within one block, so all of them are left alone; ${tail}`;
  }
  if (recording.length < 2) return null;
  const allConverted = recording.every((b) => b.recording.every((site) => site.action === 'converted'));
  const blocksThatStart = recording.filter((b) => b.recording.some((site) => site.api === 'startRecord')).length;
  if (allConverted && blocksThatStart < 2) return null;
  return `this component records in both its ${recording.map(({ block }) => block.label).join(' and ')} blocks, which the codemod migrates one at a time: it cannot keep a recording's start and stop on the same API, or two starts' callbacks apart, across them, so all of them are left alone; ${tail}`;
}

/** A site of a component left alone: what would have changed, and playback (whose fate follows the recording's), says why. */
function leftAlone(site: SiteReport, reason: string): SiteReport {
  const playback = !(RECORDING_APIS as readonly string[]).includes(site.api);
  if (site.action === 'ignored' || (!playback && site.action !== 'converted' && site.action !== 'shimmed')) return site;
  return { ...site, action: 'skipped', reason, notes: [] };
}

/**
 * The `<script>` and `<script setup>` blocks, in file order. A file Vue 3's strict parser
 * rejects (old uni-app and mpvue files with stray tags, which their own compilers took) has
 * its blocks found leniently instead (`lenient` says why); a file with no block to find
 * is an error.
 */
function scriptBlocks(source: string, filePath: string): { blocks: ScriptBlock[]; lenient: string | null } {
  const { descriptor, errors } = parseSfc(source, filePath);
  const fatal = firstFatalError(errors);
  if (fatal) {
    const blocks = lenientScriptBlocks(source);
    if (blocks.length === 0) throw sfcError(fatal, source);
    return { blocks, lenient: fatal.message };
  }

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
  return { blocks: blocks.sort((a, b) => a.start - b.start), lenient: null };
}

/**
 * `<script ...>` ... `</script>` pairs at the top level of the file, outside HTML comments,
 * found by scanning the text: what a lenient compiler reads. The content is the exact
 * text between the tags, so everything outside it stays byte-identical.
 */
function lenientScriptBlocks(source: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const comments: Array<[number, number]> = [];
  for (const m of source.matchAll(/<!--[\s\S]*?-->/g)) comments.push([m.index!, m.index! + m[0].length]);
  const inComment = (at: number) => comments.some(([from, to]) => at >= from && at < to);
  const open = /<script\b([^>]*)>/gi;
  const count = (re: RegExp, before: number) => [...source.slice(0, before).matchAll(re)].filter((x) => !inComment(x.index!)).length;
  for (let m = open.exec(source); m; m = open.exec(source)) {
    if (inComment(m.index)) continue;
    // Inside a <template> that is not closed yet: markup, not a block.
    if (count(/<template\b/gi, m.index) > count(/<\/template\s*>/gi, m.index)) continue;
    const start = m.index + m[0].length;
    const close = source.toLowerCase().indexOf('</script', start);
    if (close < 0) break;
    const attributes = m[1];
    const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
    const lang = attr('lang');
    const src = attr('src');
    const setup = /\ssetup(\s|=|$)/i.test(attributes);
    const before = source.slice(0, start);
    const line = before.split('\n').length;
    const column = start - (before.lastIndexOf('\n') + 1) + 1;
    const langValue = lang ? lang[1] ?? lang[2] ?? lang[3] : undefined;
    const srcValue = src ? src[1] ?? src[2] ?? src[3] : undefined;
    blocks.push({
      label: `<script${setup ? ' setup' : ''}${langValue ? ` lang="${langValue}"` : ''}${srcValue ? ` src="${srcValue}"` : ''}>`,
      setup,
      start,
      end: close,
      line,
      column,
      content: source.slice(start, close),
      lang: langValue,
      src: srcValue,
    });
    open.lastIndex = close;
  }
  // Two blocks of one kind: which one a compiler would take is not ours to guess.
  if (blocks.filter((b) => b.setup).length > 1 || blocks.filter((b) => !b.setup).length > 1) return [];
  return blocks;
}

/**
 * compiler-sfc's `parse`, made to accept what mini-program frameworks accept:
 *
 * - Template expressions are not parsed (we only need the blocks): compiler-sfc would
 *   otherwise parse each one as Vue 3 JavaScript and reject valid WePY 1 templates such as
 *   `@tap="select({{index}})"`.
 * - A root `<template lang="...">` other than html is read by compiler-sfc as raw text up to
 *   the first `</template`, so a WXML template that defines `<template name="x">...</template>`
 *   inside it (valid WXML; WePY reads its files with a real XML parser) ends too early and
 *   the file is rejected. Then the file is parsed again with that one `lang` attribute
 *   blanked out (same length, so every offset, line and column stays valid), which reads
 *   the template as nested markup. The result is used only if that parse is clean.
 */
function parseSfc(source: string, filePath: string): SFCParseResult {
  const first = parseBlocksOnly(source, filePath);
  if (!firstFatalError(first.errors)) return first;
  const template = first.descriptor.template;
  const lang = template?.lang?.trim().toLowerCase();
  if (!template || !lang || lang === 'html') return first;
  const contentStart = template.loc.start.offset;
  const tagStart = source.lastIndexOf('<template', contentStart);
  if (tagStart < 0) return first;
  const openTag = source.slice(tagStart, contentStart);
  const attribute = /\slang\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+)/i.exec(openTag);
  if (!attribute) return first;
  const from = tagStart + attribute.index;
  const masked = source.slice(0, from) + ' '.repeat(attribute[0].length) + source.slice(from + attribute[0].length);
  const second = parseBlocksOnly(masked, filePath);
  return firstFatalError(second.errors) ? first : second;
}

function parseBlocksOnly(source: string, filePath: string): SFCParseResult {
  return loadCompilerSfc().parse(source, {
    filename: filePath,
    sourceMap: false,
    templateParseOptions: { prefixIdentifiers: false },
  });
}

function labelOf(block: SFCScriptBlock): string {
  const setup = block.setup ? ' setup' : '';
  const lang = typeof block.lang === 'string' ? ` lang="${block.lang}"` : '';
  const src = typeof block.src === 'string' ? ` src="${block.src}"` : '';
  return `<script${setup}${lang}${src}>`;
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

/**
 * A block's code with the indentation every line shares taken off, and how to put it back.
 *
 * Many components indent the whole script (WePY's own template does, and so do many Vue
 * style guides). The script migrator writes new top-level code, such as the module-level
 * `const recorderManager = ...` after the imports, at column 0, as in a file of its own:
 * it sees the block as such a file, and the indentation goes back onto every line after.
 * Lines holding only whitespace are never touched, so a line that was not edited comes back
 * exactly as it was (inside a multi-line template literal too: the shared prefix is common
 * to every line that has text, so taking it off and putting it back is exact).
 */
interface ScriptText {
  text: string;
  /** The indentation taken off every line that has text ('' when there is none). */
  indent: string;
  /** Per block line (index 0 = line 1): how many characters were taken off it. */
  removed: number[];
}

const BLANK_LINE = /^[ \t]*\r?$/;

function dedent(content: string): ScriptText {
  const lines = content.split('\n');
  let indent: string | null = null;
  for (const line of lines) {
    if (BLANK_LINE.test(line)) continue;
    const lead = /^[ \t]*/.exec(line)![0];
    let common = 0;
    const current: string = indent ?? lead;
    while (common < current.length && common < lead.length && current[common] === lead[common]) common++;
    indent = current.slice(0, common);
    if (indent === '') break;
  }
  if (!indent) return { text: content, indent: '', removed: lines.map(() => 0) };
  const size = indent.length;
  return {
    text: lines.map((line) => (BLANK_LINE.test(line) ? line : line.slice(size))).join('\n'),
    indent,
    removed: lines.map((line) => (BLANK_LINE.test(line) ? 0 : size)),
  };
}

function reindent(text: string, indent: string): string {
  if (indent === '') return text;
  return text
    .split('\n')
    .map((line) => (BLANK_LINE.test(line) ? line : indent + line))
    .join('\n');
}

/** 1-based position in the (dedented) block -> 1-based position in the whole file. */
function filePosition(block: ScriptBlock, script: ScriptText, line: number, column: number): { line: number; column: number } {
  const shifted = column + (script.removed[line - 1] ?? 0);
  return { line: block.line + line - 1, column: line === 1 ? block.column + shifted - 1 : shifted };
}

/**
 * Block-relative line numbers in reasons and notes ("at line 12", "at line 12, 30",
 * "(line 12)") follow the site. Reasons that name a line of the whole file say "on line".
 */
function shiftLineMentions(text: string, block: ScriptBlock): string {
  return text.replace(/(\bat line |\(line )(\d+(?:, \d+)*)\b/g, (_, lead: string, numbers: string) =>
    lead + numbers.split(', ').map((n) => String(block.line + Number(n) - 1)).join(', '),
  );
}

function toFilePosition(site: SiteReport, block: ScriptBlock, script: ScriptText): SiteReport {
  const { line, column } = filePosition(block, script, site.line, site.column);
  return {
    ...site,
    line,
    column,
    ...(site.reason !== undefined ? { reason: shiftLineMentions(site.reason, block) } : {}),
    notes: site.notes.map((note) => shiftLineMentions(note, block)),
  };
}

/** A block's MigrationError, with its position (and the one in its message) in the whole file. */
function inFile(error: MigrationError, block: ScriptBlock, script: ScriptText): MigrationError {
  if (error.line === undefined) return new MigrationError(`${block.label}: ${error.message}`);
  const { line, column } = filePosition(block, script, error.line, error.column ?? 1);
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
function verifyBlocks(output: string, filePath: string, replacements: Array<{ block: ScriptBlock; output: string }>, lenient = false): void {
  let problem: string | null = null;
  if (lenient) {
    // Read leniently: the same reading must find the migrated contents where they were put.
    const again = lenientScriptBlocks(output);
    for (const { block, output: content } of replacements) {
      if (!again.some((b) => b.content === content)) problem = `${block.label} would not hold the migrated code`;
    }
    if (problem === null) return;
  }
  try {
    const { descriptor, errors } = parseSfc(output, filePath);
    const fatal = firstFatalError(errors);
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
