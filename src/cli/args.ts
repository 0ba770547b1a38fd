import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import * as os from 'os';
import { DEFAULT_MAX_BYTES } from '../engine/read-source';
import { SUPPORTED_EXTENSIONS } from './discover';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { CliIo } from './io';
import { readPackageVersion } from './package-info';

export interface CliOptions {
  /** Files and folders as typed, resolved later against `io.cwd`. Empty: ask, or a usage error. */
  paths: string[];
  /** Write nothing; print a unified diff per file that would change. */
  dry: boolean;
  /** Write nothing; print the transformed files on stdout. */
  print: boolean;
  /** Print only the JSON report on stdout. */
  json: boolean;
  /** Also write the JSON report to this file (relative to `io.cwd`), in any mode. */
  report?: string;
  /** Also write a Markdown review report to this file (relative to `io.cwd`), in any mode. */
  reportMd?: string;
  /** Exit 3 when sites were left on the old API. */
  failOnSkipped: boolean;
  /** Write even when git reports uncommitted changes in the files. */
  force: boolean;
  /** Never prompt. */
  yes: boolean;
  /** `--ignore` globs, in order. */
  ignore: string[];
  /** Extensions a walk takes, with the dot. */
  extensions: string[];
  gitignore: boolean;
  maxBytes: number;
  /** False with `--no-shim`: sites that would need the runtime shim are left alone. */
  shim: boolean;
  /** `--shim-import <module>`: where shimmed files import the shim from instead of the file the run writes. */
  shimImport?: string;
  /** Worker threads; 0 migrates in the main thread. */
  jobs: number;
  /** False with `--no-progress`. */
  progress: boolean;
  /** False with `--no-color`. */
  color: boolean;
}

export type ParsedArgs = { kind: 'run'; options: CliOptions } | { kind: 'exit'; code: number };

const EXAMPLES = `
Examples:
  Preview: print the diff and the report, write nothing
    $ startrecord-codemod --dry miniprogram
  Migrate a folder, or a single file (files are rewritten in place: commit first)
    $ startrecord-codemod miniprogram
    $ startrecord-codemod src/pages/record/index.tsx
  Print the migrated text of one file instead of writing it
    $ startrecord-codemod --print src/pages/voice/voice.js > /tmp/voice.js
  Machine-readable report for CI, failing when a site was left on the old API
    $ startrecord-codemod --dry --json --fail-on-skipped src > startrecord-report.json
  Skip generated code and tests; keep a report of a real run
    $ startrecord-codemod --ignore 'src/generated/**' --ignore '*.test.js' --report report.json src
  After the migration, in CI: fail when a startRecord/stopRecord call comes back
    $ startrecord-codemod check --max-shim 3 src
  Take the shim from the npm package instead of the file the run writes into the app
    $ npm install startrecord-codemod-shim && startrecord-codemod --shim-import startrecord-codemod-shim src

The shim: sites that cannot be rewritten faithfully call a copy of the old API built on
getRecorderManager(). By default the run writes it once into each app's root, next to
app.json, app.config.ts, pages.json or App.vue (startrecord-shim.js, and its .d.ts in
TypeScript apps), and the report names the file. --no-shim leaves those sites alone.

Files: .js .jsx .ts .tsx .mjs .cjs .mts .cts, and the <script> blocks of .vue and .wpy
files (the template, styles and other blocks are left as they are). While walking folders,
.gitignore'd paths, node_modules, miniprogram_npm, dist, build, .temp, unpackage, .git,
hidden files and folders, .d.ts declarations and minified bundles (*.min.js) are skipped.
Files and folders named on the command line are always taken.

Safety: writes are atomic (a file holds its old or its new text, never a mix); a file
changed on disk during the run, read-only, binary, not UTF-8, or over --max-size is
reported and left alone. Outside --dry and --print, files with uncommitted changes in a
git work tree are refused unless --force. Ctrl-C finishes the files in hand and stops;
a second Ctrl-C abandons them (they keep their old text).

Exit codes: 0 every file was processed (skipped and shimmed sites included),
            1 at least one file could not be processed,
            2 usage error, or files with uncommitted changes (see --force),
            3 with --fail-on-skipped: some site was left on the old API,
            130 interrupted (Ctrl-C).
`;

function buildProgram(io: CliIo): Command {
  return (
    new Command()
      .name('startrecord-codemod')
      .usage('[options] <paths...>')
      .description(
        'Migrate WeChat mini-program and Taro code from the deprecated wx.startRecord /\n' +
          'wx.stopRecord API to wx.getRecorderManager().',
      )
      .argument('[paths...]', 'files and folders to migrate (asked for when omitted in a terminal)')
      .option('--dry', 'write nothing; print a unified diff of what would change, then the report')
      .addOption(new Option('--print', 'write nothing; print the migrated files on stdout (the report goes to stderr)').conflicts('json'))
      .option('--json', 'print only the JSON report on stdout (with --dry: "changed" means "would change")')
      .option('--report <file>', 'also write the JSON report to <file>, whatever the output mode')
      .option('--report-md <file>', 'also write a Markdown review report to <file>, to paste into a pull request')
      .option('--fail-on-skipped', 'exit with code 3 when some site was left on the old API (for CI)')
      .option('--force', 'write even when git reports uncommitted changes in the files to migrate')
      .option('-y, --yes', 'never ask anything (no path given is then a usage error)')
      .option('--ignore <glob>', 'skip paths matching <glob> (relative to the working folder); repeatable', collect)
      .option('--extensions <list>', `extensions to take while walking folders, comma-separated (default: ${SUPPORTED_EXTENSIONS.map((e) => e.slice(1)).join(',')})`, parseExtensions)
      .option('--no-gitignore', 'do not honour .gitignore files')
      .addOption(new Option('--max-size <size>', 'leave out files larger than <size> (e.g. 500kb, 4mb)').argParser(parseSize).default(DEFAULT_MAX_BYTES, '2mb'))
      .option('--no-shim', 'never use the runtime shim: sites that would need it are left alone and reported')
      .option(
        '--shim-import <module>',
        'import the shim from <module> instead of writing startrecord-shim.js into each app: a package\n' +
          "(startrecord-codemod-shim), a file ('./src/utils/shim.js', from the working folder) or\n" +
          "'/utils/shim' (from each app's root); files import it by a relative path",
      )
      .addOption(
        new Option('-j, --jobs <n>', 'worker threads that migrate alongside the main thread (0: the main thread alone)').argParser(parseJobs).default(defaultJobs(), 'one per core but one; none on 2 cores or fewer'),
      )
      .option('--no-progress', 'no progress bar, even on a terminal')
      .option('--no-color', 'plain output even on a terminal (NO_COLOR=1 does the same)')
      .version(readPackageVersion(), '-V, --version', 'print the version')
      .helpOption('-h, --help', 'print this help')
      .addHelpText('after', EXAMPLES)
      .showHelpAfterError('(run startrecord-codemod --help for usage)')
      // Commander exits the process by itself on errors; we want an exit code back so that
      // `main` stays callable from tests and the launcher decides when the process ends.
      .exitOverride()
      .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
      })
  );
}

/** Parses `argv` (without `node` and the script path). Help, version and usage errors end the run. */
export function parseArgs(argv: string[], io: CliIo): ParsedArgs {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" only in Commander's control flow; they succeed.
      const code = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return { kind: 'exit', code };
    }
    throw error;
  }
  const opts = program.opts<{
    dry?: boolean;
    print?: boolean;
    json?: boolean;
    report?: string;
    reportMd?: string;
    failOnSkipped?: boolean;
    force?: boolean;
    yes?: boolean;
    ignore?: string[];
    extensions?: string[];
    gitignore: boolean;
    maxSize: number;
    shim: boolean;
    shimImport?: string;
    jobs: number;
    progress: boolean;
    color: boolean;
  }>();
  return {
    kind: 'run',
    options: {
      paths: (program.processedArgs[0] as string[] | undefined) ?? [],
      dry: opts.dry === true,
      print: opts.print === true,
      json: opts.json === true,
      report: opts.report,
      ...(opts.reportMd ? { reportMd: opts.reportMd } : {}),
      failOnSkipped: opts.failOnSkipped === true,
      force: opts.force === true,
      yes: opts.yes === true,
      ignore: opts.ignore ?? [],
      extensions: opts.extensions ?? [...SUPPORTED_EXTENSIONS],
      gitignore: opts.gitignore,
      maxBytes: opts.maxSize,
      shim: opts.shim,
      ...(opts.shimImport ? { shimImport: opts.shimImport } : {}),
      jobs: opts.jobs,
      progress: opts.progress,
      color: opts.color,
    },
  };
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `js,ts`, `.js .ts` or `js, .tsx`: each must be one the migration parses. */
function parseExtensions(value: string): string[] {
  const extensions = value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((ext) => (ext.startsWith('.') ? ext : `.${ext}`));
  const unknown = extensions.filter((ext) => !SUPPORTED_EXTENSIONS.includes(ext));
  if (extensions.length === 0 || unknown.length > 0) {
    throw new InvalidArgumentError(`supported extensions are ${SUPPORTED_EXTENSIONS.join(' ')}${unknown.length > 0 ? ` (not ${unknown.join(' ')})` : ''}.`);
  }
  return extensions;
}

/**
 * A bare number is bytes; otherwise a number and a unit, in any case: b, k/kb, m/mb, g/gb
 * (`8m`, `8M`, `500kb`, `1.5MB`). Anything else (`12x`) is a usage error: `bytes` alone
 * would read `8m` as 8 bytes.
 */
function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|m|mb|g|gb)?\s*$/i.exec(value);
  const units: Record<string, number> = { b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };
  const parsed = m ? Math.floor(Number(m[1]) * units[(m[2] ?? 'b').toLowerCase()]) : NaN;
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('give a size such as 500kb, 8m or 4MB.');
  return parsed;
}

function parseJobs(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 0) throw new InvalidArgumentError('give a whole number, 0 or more.');
  return jobs;
}

/** One worker per core but one: the main thread reads, then migrates alongside them. */
/**
 * One worker per core but one, and none on 2 cores or fewer: there a worker and the main
 * thread each migrate about a third slower than one alone, and each warms up its own JIT
 * (measured on 1,000 all-legacy files, default against `-j 0`: 0.72x, 0.73x, 0.91x, 1.07x).
 */
function defaultJobs(): number {
  // availableParallelism() (Node 18.14+) respects CPU affinity and container limits.
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : Math.max(1, os.cpus().length);
  return cores <= 2 ? 0 : cores - 1;
}
