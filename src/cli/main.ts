import { FileOutcome, Migrate, processFile } from '../engine/process-file';
import { parseArgs } from './args';
import { colorsFor } from './colors';
import { colorizeDiff, unifiedDiff } from './diff';
import { discoverFiles, SUPPORTED_EXTENSIONS } from './discover';
import { displayPath } from './display-path';
import { EXIT_FILE_ERRORS, EXIT_OK, EXIT_USAGE } from './exit-codes';
import { CliIo, processIo } from './io';
import { buildJsonReport, formatHumanReport } from './report';

export interface MainDependencies {
  /** Replaces `migrateSource`; tests use it to drive the engine (a migrate that throws, ...). */
  migrate?: Migrate;
}

/**
 * The whole CLI as a function: arguments in, exit code out, all output through `io`.
 * discover files -> process each (read, test, migrate, write) -> report.
 */
export async function main(argv: string[], io: CliIo = processIo(), dependencies: MainDependencies = {}): Promise<number> {
  const parsed = parseArgs(argv, io);
  if (parsed.kind === 'exit') return parsed.code;
  const { options } = parsed;

  const discovery = await discoverFiles(options.paths, io.cwd);
  if (discovery.missing.length > 0) {
    for (const given of discovery.missing) io.stderr.write(`error: no such file or folder: ${given}\n`);
    io.stderr.write('(run startrecord-codemod --help for usage)\n');
    return EXIT_USAGE;
  }
  // A note, not a usage error: the other paths are still worth migrating.
  for (const given of discovery.unsupported) {
    io.stderr.write(`note: ${given} was not migrated: only ${SUPPORTED_EXTENSIONS.join(' ')} files are supported\n`);
  }

  // One file at a time, in path order, so the output is stable from run to run.
  const outcomes: FileOutcome[] = [];
  for (const filePath of discovery.files) {
    outcomes.push(await processFile(filePath, { dry: options.dry, migrate: dependencies.migrate }));
  }

  if (options.json) {
    // Nothing else may reach stdout in this mode: it is piped into other tools.
    io.stdout.write(`${JSON.stringify(buildJsonReport(outcomes, io.cwd), null, 2)}\n`);
  } else {
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

  return outcomes.some((outcome) => outcome.status === 'error') ? EXIT_FILE_ERRORS : EXIT_OK;
}
