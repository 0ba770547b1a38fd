import * as fs from 'fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runFiles } from '../engine/run-files';
import { DEFAULT_MAX_BYTES } from '../engine/read-source';
import { FileOutcome } from '../engine/outcome';
import { discoverFiles } from './discover';
import { displayPath } from './display-path';
import { EXIT_CHECK_LEGACY, EXIT_CHECK_SHIM, EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { CliIo } from './io';

/**
 * `startrecord-codemod check [paths]`: a guard for CI once a project is migrated. It fails
 * when a live call of the deprecated API is found (one added later, or one never
 * migrated), with `file:line:column`, ignoring what is not the mini-program API (JS-SDK
 * pages, other hosts, mocks), and counts the remaining calls of the runtime shim, a number
 * to burn down (`--max-shim N` fails above it). It writes nothing and needs no git.
 */
const USAGE_EXAMPLES = `
Examples:
  Fail CI when a startRecord/stopRecord call comes back
    $ startrecord-codemod check src
  ... and when more than 3 calls still go through the shim
    $ startrecord-codemod check --max-shim 3 miniprogram

Exit codes: 0 no live legacy call (and shim calls within --max-shim),
            1 a file could not be read or parsed,
            2 usage error,
            4 a live startRecord/stopRecord call was found (or a playVoice,
              pauseVoice or stopVoice the codemod would move with it),
            5 more shim calls than --max-shim.
`;

/** Calls of the shim's functions in a file that imports it (by any of its names). */
const SHIM_IMPORT = /(?:from\s*|require\(\s*)['"][^'"]*(?:startrecord-shim|startrecord-codemod-shim|startrecord-codemod\/shim)['"]/;

export async function checkMain(argv: string[], io: CliIo): Promise<number> {
  let maxShim: number | undefined;
  let json = false;
  let paths: string[] = [];
  const program = new Command()
    .name('startrecord-codemod check')
    .usage('[options] <paths...>')
    .description('Fail when the deprecated startRecord/stopRecord API is still called; count the calls left on the shim.')
    .argument('<paths...>', 'files and folders to check')
    .option('--max-shim <n>', 'fail (exit 5) when more than <n> calls go through the runtime shim', (value) => {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('give a whole number, 0 or more.');
      return n;
    })
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', USAGE_EXAMPLES)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .action((given: string[], opts: { maxShim?: number; json?: boolean }) => {
      paths = given;
      maxShim = opts.maxShim;
      json = Boolean(opts.json);
    });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    throw error;
  }

  const discovery = await discoverFiles(paths, io.cwd, { gitignore: true });
  if (discovery.missing.length > 0) {
    for (const given of discovery.missing) io.stderr.write(`error: no such file or folder: ${given}\n`);
    return EXIT_USAGE;
  }
  const outcomes: FileOutcome[] = [];
  await runFiles(
    discovery.files,
    { dry: true, maxBytes: DEFAULT_MAX_BYTES, migrateOptions: {}, jobs: 0, keepTexts: false },
    { onOutcome: (_i, outcome) => outcomes.push(outcome) },
  );

  // Playback calls count once the codemod would move them (the file records, or its
  // recording already moved); those it leaves (a page that only plays) are not a failure.
  const live = outcomes.flatMap((o) =>
    o.sites
      .filter((s) => ((s.api === 'startRecord' || s.api === 'stopRecord') && s.action !== 'ignored') || s.action === 'converted' || s.action === 'shimmed')
      .map((s) => ({ file: displayPath(o.filePath, io.cwd), line: s.line, column: s.column, api: s.api, next: nextStep(s.action, s.reason) })),
  );
  const errors = outcomes.filter((o) => o.status === 'error');
  const shimCalls = countShimCalls(discovery.files);
  const shimTotal = shimCalls.reduce((sum, f) => sum + f.calls, 0);

  if (json) {
    io.stdout.write(
      `${JSON.stringify({ live, shim: { calls: shimTotal, files: shimCalls.map((f) => ({ path: displayPath(f.file, io.cwd), calls: f.calls })) }, errors: errors.map((e) => ({ path: displayPath(e.filePath, io.cwd), error: e.status === 'error' ? e.error : '' })) }, null, 2)}\n`,
    );
  } else {
    for (const site of live) io.stdout.write(`${site.file}:${site.line}:${site.column}  ${site.api} is still called (${site.next})\n`);
    for (const e of errors) if (e.status === 'error') io.stdout.write(`${displayPath(e.filePath, io.cwd)}  error: ${e.error}\n`);
    io.stdout.write(
      `${live.length === 0 ? 'No live call of the deprecated recording or playback API.' : `${live.length} live call${live.length === 1 ? '' : 's'} of the deprecated recording or playback API: run startrecord-codemod on them.`} ` +
        `${shimTotal} call${shimTotal === 1 ? '' : 's'} through the runtime shim${shimCalls.length > 0 ? ` in ${shimCalls.length} file${shimCalls.length === 1 ? '' : 's'}` : ''}${maxShim !== undefined ? ` (at most ${maxShim} allowed)` : ''}.\n`,
    );
  }
  if (live.length > 0) return EXIT_CHECK_LEGACY;
  if (errors.length > 0) return EXIT_FILE_ERRORS;
  if (maxShim !== undefined && shimTotal > maxShim) return EXIT_CHECK_SHIM;
  return EXIT_OK;
}

function nextStep(action: string, reason: string | undefined): string {
  if (action === 'converted') return 'the codemod converts it';
  if (action === 'shimmed') return 'the codemod points it at the shim';
  return `left by the codemod: ${reason ?? 'see its report'}`;
}

/** Files that import the shim, and how many calls of its functions each makes. */
function countShimCalls(files: readonly string[]): Array<{ file: string; calls: number }> {
  const found: Array<{ file: string; calls: number }> = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!text.includes('startrecord') || !SHIM_IMPORT.test(text)) continue;
    // Calls of the imported names, not property calls (`x.startRecord(`) nor the import itself.
    const names = importedShimNames(text);
    let calls = 0;
    for (const name of names) calls += (text.match(new RegExp(`(?<![.\\w$])${name}\\s*\\(`, 'g')) ?? []).length;
    if (calls > 0) found.push({ file, calls });
  }
  return found;
}

function importedShimNames(text: string): string[] {
  const names = new Set<string>();
  const lists = text.match(/(?:import\s*\{([^}]*)\}\s*from|(?:const|let|var)\s*\{([^}]*)\}\s*=\s*require\()\s*['"][^'"]*startrecord[^'"]*['"]/g) ?? [];
  for (const list of lists) {
    const inner = /\{([^}]*)\}/.exec(list)?.[1] ?? '';
    for (const part of inner.split(',')) {
      const local = part.split(/\s+as\s+|:/).pop()?.trim();
      if (local) names.add(local);
    }
  }
  for (const m of text.matchAll(/var\s+([\w$]+)\s*=\s*require\(\s*['"][^'"]*startrecord[^'"]*['"]\s*\)\.\w+/g)) names.add(m[1]);
  return [...names];
}
