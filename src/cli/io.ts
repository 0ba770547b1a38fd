/**
 * Where the CLI reads and writes. `main` takes this as a parameter so that tests can run
 * the whole CLI in-process against a temp directory and capture what it prints.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  /** Set by Node on terminal streams; decides whether colours are used. */
  isTTY?: boolean;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Paths on the command line and paths in the output are relative to this folder. */
  cwd: string;
}

export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}
