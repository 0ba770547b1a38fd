import { Command, CommanderError } from 'commander';
import { EXIT_OK, EXIT_USAGE } from './exit-codes';
import { CliIo } from './io';
import { readPackageVersion } from './package-info';

export interface CliOptions {
  /** Files and folders as typed, resolved later against `io.cwd`. */
  paths: string[];
  /** Write nothing; print a unified diff per file that would change. */
  dry: boolean;
  /** Print only the JSON report on stdout. */
  json: boolean;
  /** Accepted now; overrides the git-clean check a later version adds. */
  force: boolean;
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
  Machine-readable report for CI
    $ startrecord-codemod --dry --json src > startrecord-report.json

Files: .js .jsx .ts .tsx .mjs .cjs .mts .cts, and the <script> blocks of .vue and .wpy
files (the template, styles and other blocks are left as they are). While walking folders,
node_modules, miniprogram_npm, dist, build, .git, hidden files and folders, and .d.ts
declaration files are skipped.

Exit codes: 0 every file was processed (skipped and shimmed sites included),
            1 at least one file could not be processed, 2 usage error.
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
      .argument('<paths...>', 'files and folders to migrate')
      .option('--dry', 'write nothing; print a unified diff of what would change, then the report')
      .option('--json', 'print only the JSON report on stdout (with --dry: "changed" means "would change")')
      .option('--force', 'override the git-clean check a later version adds (accepted now, no effect yet)')
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
  const opts = program.opts<{ dry?: boolean; json?: boolean; force?: boolean; color: boolean }>();
  return {
    kind: 'run',
    options: {
      paths: program.processedArgs[0] as string[],
      dry: opts.dry === true,
      json: opts.json === true,
      force: opts.force === true,
      color: opts.color,
    },
  };
}
