import { FileOutcome, Migrate, processFile } from '../engine/process-file';
import { CliOptions, parseArgs } from './args';
import { colorsFor } from './colors';
import { colorizeDiff, unifiedDiff } from './diff';
import { Discovery, discoverFiles, SUPPORTED_EXTENSIONS } from './discover';
import { displayPath } from './display-path';
import { EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { CliIo, processIo } from './io';
import { buildJsonReport, formatHumanReport } from './report';

export interface MainDependencies {
  /** Replaces `migrateSource`; tests use it to drive the engine (a migrate that throws, ...). */
  migrate?: Migrate;
}

/**
 * The whole CLI as a function: arguments in, exit code out, all output through `io`, so
 * that tests run it in-process. Never calls `process.exit`.
 */
export async function main(argv: string[], io: CliIo = processIo(), dependencies: MainDependencies = {}): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (parsed.kind === 'exit') return parsed.code;
  const { options } = parsed;

  const discovery = await findFilesOrExplain(options.paths, io);
  if (typeof discovery === 'number') return discovery;

  const outcomes = await processAll(discovery.files, options.dry, dependencies.migrate);

  if (options.json) printJsonReport(outcomes, io);
  else printHumanReport(outcomes, options, io);

  return outcomes.some((outcome) => outcome.status === 'error') ? EXIT_FILE_ERRORS : EXIT_OK;
}

/** The files to migrate, or the exit code when the paths given cannot be used. */
async function findFilesOrExplain(paths: string[], io: CliIo): Promise<Discovery | number> {
  let discovery: Discovery;
  try {
    discovery = await discoverFiles(paths, io.cwd);
  } catch (error) {
    // An unreadable folder met while walking: nothing was processed, so no report either.
    io.stderr.write(`error: could not list the files to migrate: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FILE_ERRORS;
  }
  if (discovery.missing.length > 0) {
    for (const given of discovery.missing) io.stderr.write(`error: no such file or folder: ${given}\n`);
    io.stderr.write('(run startrecord-codemod --help for usage)\n');
    return EXIT_USAGE;
  }
  // A note on stderr, not a usage error: the other paths are still worth migrating.
  for (const given of discovery.unsupported) {
    io.stderr.write(`note: ${given} was not migrated: only ${SUPPORTED_EXTENSIONS.join(' ')} files are supported\n`);
  }
  return discovery;
}

/** One file at a time, in path order, so that the output is the same from run to run. */
async function processAll(files: string[], dry: boolean, migrate: Migrate | undefined): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const filePath of files) outcomes.push(await processFile(filePath, { dry, migrate }));
  return outcomes;
}

function printJsonReport(outcomes: FileOutcome[], io: CliIo): void {
  // Nothing else may reach stdout in this mode: it is piped into other tools.
  io.stdout.write(`${JSON.stringify(buildJsonReport(outcomes, io.cwd), null, 2)}\n`);
}

/** With --dry, the diffs come first so that the report stays in view at the end. */
function printHumanReport(outcomes: FileOutcome[], options: CliOptions, io: CliIo): void {
  const colors = colorsFor(io.stdout, options.color);
  if (options.dry) {
    for (const outcome of outcomes) {
      if (outcome.status !== 'changed') continue;
      const patch = unifiedDiff(displayPath(outcome.filePath, io.cwd), outcome.before, outcome.after);
      io.stdout.write(`${colorizeDiff(patch, colors)}\n`);
    }
  }
  io.stdout.write(formatHumanReport(outcomes, { cwd: io.cwd, dry: options.dry, colors }));
}
