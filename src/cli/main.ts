import * as fs from 'fs';
import * as path from 'path';
import { loadMigrateSource, Migrate } from '../engine/migrate-text';
import { FileOutcome, withoutTexts } from '../engine/outcome';
import { runFiles } from '../engine/run-files';
import { parseShimImport, ShimDelivery } from '../shim-delivery';
import { CliOptions, parseArgs } from './args';
import { checkMain } from './check';
import { formatMarkdownReport } from './markdown-report';
import { colorsFor } from './colors';
import { Discovery, discoverFiles, SUPPORTED_EXTENSIONS } from './discover';
import { displayPath } from './display-path';
import { EXIT_FILE_ERRORS, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE } from './exit-codes';
import { FileOutput } from './file-output';
import { checkUncommittedChanges, OwnOutputTest } from './git-gate';
import { watchInterrupts } from './interrupt';
import { CliIo, OutputStream, processIo } from './io';
import { createProgress } from './progress';
import { removeStaleTempFiles } from './stale-temp-files';
import { canPrompt, promptForRun } from './prompt';
import { buildJsonReport, formatHumanReport, RunInfo } from './report';

export interface MainDependencies {
  /** Replaces `migrateSource`; tests use it to drive the engine (a migrate that throws, ...). Runs in the main thread. */
  migrate?: Migrate;
  /** The compiled worker to use instead of dist's (tests of the pool). */
  workerScript?: string;
}

/**
 * The whole CLI as a function: arguments in, exit code out, all output through `io`, so
 * that tests run it in-process. Never calls `process.exit` (except through `io.exit` on a
 * second Ctrl-C, which abandons the run).
 *
 * (ask) -> discover -> git gate -> read, migrate, write -> diff / print -> report.
 */
export async function main(argv: string[], io: CliIo = processIo(), dependencies: MainDependencies = {}): Promise<number> {
  // `startrecord-codemod check [paths]`: the guard for CI after the migration.
  if (argv[0] === 'check') return checkMain(argv.slice(1), io);
  const parsed = parseArgs(argv, io);
  if (parsed.kind === 'exit') return parsed.code;
  let { options } = parsed;

  if (options.paths.length === 0) {
    const asked = await askForPaths(options, io);
    if (typeof asked === 'number') return asked;
    options = asked;
  }

  // A report that could not be written at the end would leave a run without its record,
  // after the files were rewritten: its folder is checked before anything is done.
  for (const [flag, target] of [['--report', options.report], ['--report-md', options.reportMd]] as const) {
    if (target === undefined) continue;
    const problem = reportTargetProblem(path.resolve(io.cwd, target));
    if (problem) {
      io.stderr.write(`error: ${flag} ${target}: ${problem}\nNothing was done.\n`);
      return EXIT_USAGE;
    }
  }

  const discovery = await findFilesOrExplain(options, io);
  if (typeof discovery === 'number') return discovery;

  const writes = !options.dry && !options.print;
  if (writes && !options.force) {
    const refused = await refuseUncommittedChanges(discovery.files, io, ownOutputTest(options, io, dependencies));
    if (refused !== null) return refused;
  }

  if (writes) {
    const removed = removeStaleTempFiles(discovery.files.map((file) => path.dirname(file)));
    for (const file of removed) io.stderr.write(`note: removed ${displayPath(file, io.cwd)}, a temporary file left by an earlier run that was killed\n`);
  }

  const { outcomes, run } = await migrateFiles(discovery.files, options, io, dependencies);

  const reportStream: OutputStream = options.print ? io.stderr : io.stdout;
  if (options.json) io.stdout.write(`${JSON.stringify(buildJsonReport(outcomes, io.cwd, run), null, 2)}\n`);
  else reportStream.write(formatHumanReport(outcomes, { cwd: io.cwd, dry: !writes, print: options.print, colors: colorsFor(reportStream, options.color), run }));

  const reportWritten =
    (options.report === undefined || (await writeReportFile(options.report, `${JSON.stringify(buildJsonReport(outcomes, io.cwd, run), null, 2)}\n`, io))) &&
    (options.reportMd === undefined || (await writeReportFile(options.reportMd, formatMarkdownReport(outcomes, io.cwd, run, !writes), io)));
  return exitCode(outcomes, run, discovery, options, reportWritten);
}

/** With no path: a person at a terminal is asked; anyone else gets a usage error. */
async function askForPaths(options: CliOptions, io: CliIo): Promise<CliOptions | number> {
  if (!canPrompt(io, options.yes)) {
    io.stderr.write("error: missing required argument 'paths'\n(run startrecord-codemod --help for usage)\n");
    return EXIT_USAGE;
  }
  const answers = await promptForRun(io);
  if (answers === null) {
    io.stderr.write('\nNothing was done.\n');
    return EXIT_INTERRUPTED;
  }
  const dry = options.dry || answers.dry;
  // The command to type next time, so that the prompt teaches the flags.
  io.stderr.write(`Running: startrecord-codemod ${dry ? '--dry ' : ''}${answers.paths.map(shellQuote).join(' ')}\n\n`);
  return { ...options, paths: answers.paths, dry };
}

/** The files to migrate, or the exit code when the paths given cannot be used. */
async function findFilesOrExplain(options: CliOptions, io: CliIo): Promise<Discovery | number> {
  const discovery = await discoverFiles(options.paths, io.cwd, {
    extensions: options.extensions,
    ignore: options.ignore,
    gitignore: options.gitignore,
  });
  if (discovery.missing.length > 0) {
    for (const given of discovery.missing) io.stderr.write(`error: no such file or folder: ${given}\n`);
    io.stderr.write('(run startrecord-codemod --help for usage)\n');
    return EXIT_USAGE;
  }
  // Notes on stderr, not usage errors: the other paths are still worth migrating.
  for (const given of discovery.unsupported) {
    io.stderr.write(`note: ${given} was not migrated: only ${SUPPORTED_EXTENSIONS.join(' ')} files are supported\n`);
  }
  for (const { folder, error } of discovery.unreadable) {
    io.stderr.write(`error: could not list ${displayPath(folder, io.cwd)} (${error}); the files in it were not migrated\n`);
  }
  return discovery;
}

/** Null when writing may go ahead; otherwise the exit code, after saying why not. */
async function refuseUncommittedChanges(files: string[], io: CliIo, isOwnOutput: OwnOutputTest): Promise<number | null> {
  const verdict = await checkUncommittedChanges(files, isOwnOutput);
  if (verdict.kind === 'clean') return null;
  if (verdict.kind === 'unknown') {
    io.stderr.write(`error: ${verdict.reason}.\nNothing was written. Preview with --dry, or commit your work and run again with --force.\n`);
    return EXIT_USAGE;
  }
  const shown = verdict.files.slice(0, 20).map((file) => `  ${displayPath(file.filePath, io.cwd)} (${file.state})`);
  if (verdict.files.length > shown.length) shown.push(`  ... and ${verdict.files.length - shown.length} more`);
  io.stderr.write(
    [
      `error: ${verdict.files.length === 1 ? 'this file has' : 'these files have'} uncommitted changes; migrating in place would mix the codemod's edits with yours:`,
      ...shown,
      'Nothing was written. Commit or stash first (then `git diff` shows exactly what the codemod did),',
      'preview with --dry, or run again with --force to write anyway.',
      '',
    ].join('\n'),
  );
  return EXIT_USAGE;
}

/**
 * A file the gate finds changed is the tool's own output when migrating its committed
 * text, with this run's options, gives exactly what is on disk: then the run may go over
 * it (it changes nothing there, or finishes what an interrupted run began).
 */
function ownOutputTest(options: CliOptions, io: CliIo, dependencies: MainDependencies): OwnOutputTest {
  const delivery = options.shim ? new ShimDelivery(parseShimImport(options.shimImport, io.cwd), true) : undefined;
  const base = options.shim ? {} : { shim: false };
  return (filePath, committed, current) => {
    const migrate = dependencies.migrate ?? loadMigrateSource();
    const migrateOptions = delivery ? delivery.optionsFor(filePath, base) : base;
    try {
      return migrate(committed, filePath, migrateOptions).output === current;
    } catch {
      return false;
    }
  };
}

/** Runs the engine with the progress bar, Ctrl-C handling and per-file output wired in. */
async function migrateFiles(
  files: string[],
  options: CliOptions,
  io: CliIo,
  dependencies: MainDependencies,
): Promise<{ outcomes: FileOutcome[]; run: RunInfo }> {
  const dry = options.dry || options.print;
  const mode = options.print ? 'print' : options.dry && !options.json ? 'diff' : 'none';
  const progress = createProgress(io.stderr, files.length, options.progress);
  const output = new FileOutput(mode, files, io.stdout, io.cwd, colorsFor(io.stdout, options.color), () => progress.clear());
  const interrupts = watchInterrupts(io);
  const done: Array<FileOutcome | undefined> = new Array(files.length);
  const shimDelivery = options.shim ? new ShimDelivery(parseShimImport(options.shimImport, io.cwd), dry) : undefined;

  try {
    await runFiles(
      files,
      {
        dry,
        maxBytes: options.maxBytes,
        migrateOptions: options.shim ? {} : { shim: false },
        shimDelivery,
        jobs: options.jobs,
        keepTexts: mode !== 'none',
        migrate: dependencies.migrate,
        workerScript: dependencies.workerScript,
      },
      {
        signal: interrupts.stop,
        abandon: interrupts.abandon,
        onOutcome(index, outcome) {
          // Only what the report needs is kept; the texts go out with the diff or print.
          done[index] = withoutTexts(outcome);
          progress.tick();
          output.add(index, outcome);
        },
      },
    );
  } finally {
    progress.finish();
    interrupts.dispose();
  }
  output.flush();
  const outcomes = done.filter((outcome): outcome is FileOutcome => outcome !== undefined);
  return { outcomes, run: { notProcessed: files.length - outcomes.length, addedFiles: shimDelivery?.added ?? [] } };
}

/** Why the report cannot be written to `file`, or null. */
function reportTargetProblem(file: string): string | null {
  const dir = path.dirname(file);
  try {
    if (!fs.statSync(dir).isDirectory()) return `${dir} is not a folder`;
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `the folder ${dir} does not exist` : `the folder ${dir} cannot be written to`;
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return `${file} is a folder`;
  return null;
}

async function writeReportFile(target: string, text: string, io: CliIo): Promise<boolean> {
  const file = path.resolve(io.cwd, target);
  try {
    await fs.promises.writeFile(file, text);
    return true;
  } catch (error) {
    io.stderr.write(`error: could not write the report to ${target}: ${error instanceof Error ? error.message : String(error)}\n`);
    return false;
  }
}

/** Most serious first: interrupted, then errors, then skipped sites (when asked). */
function exitCode(outcomes: FileOutcome[], run: RunInfo, discovery: Discovery, options: CliOptions, reportWritten: boolean): number {
  if (run.notProcessed > 0) return EXIT_INTERRUPTED;
  if (!reportWritten || discovery.unreadable.length > 0 || outcomes.some((outcome) => outcome.status === 'error')) return EXIT_FILE_ERRORS;
  // Only sites that need someone: JS-SDK pages and other hosts' calls (`ignored`) are right as they are.
  if (options.failOnSkipped && outcomes.some((outcome) => outcome.sites.some((site) => site.action === 'skipped'))) return EXIT_SKIPPED;
  return EXIT_OK;
}

function shellQuote(value: string): string {
  return /^[\w./@%+=:,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
