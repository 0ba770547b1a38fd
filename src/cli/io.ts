/**
 * Where the CLI reads and writes. `main` takes this as a parameter so that tests can run
 * the whole CLI in-process against a temp directory, answer its questions and send it
 * Ctrl-C, and capture what it prints.
 */
export interface OutputStream {
  write(chunk: string): unknown;
  /** Set by Node on terminal streams; decides colours and the progress bar. */
  isTTY?: boolean;
  /** Terminal width, on terminals. */
  columns?: number;
}

export interface InputStream extends NodeJS.ReadableStream {
  /** Only a terminal is ever asked a question. */
  isTTY?: boolean;
}

/** Where Ctrl-C comes from: the process, or a test's emitter. */
export interface SignalSource {
  on(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(event: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  /** Paths on the command line and paths in the output are relative to this folder. */
  cwd: string;
  stdin?: InputStream;
  signals?: SignalSource;
  /** Ends the process at once: only for a second Ctrl-C, which abandons the files in hand. */
  exit?: (code: number) => void;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    stdin: process.stdin,
    signals: process,
    exit: (code) => process.exit(code),
  };
}
