import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import { Writable } from 'stream';
import { CliIo, InputStream } from './io';

export interface PromptedRun {
  paths: string[];
  dry: boolean;
}

/** Only a person at a terminal is asked; scripts and CI get a usage error instead. */
export function canPrompt(io: CliIo, yes: boolean): io is CliIo & { stdin: InputStream } {
  return !yes && io.stdin !== undefined && io.stdin.isTTY === true;
}

/**
 * Asks for the folder to migrate and whether to preview first (the default, since a
 * preview writes nothing). Questions go to stderr so that stdout stays the report. Null
 * when the person gives up (Ctrl-C, Ctrl-D).
 */
export async function promptForRun(io: CliIo & { stdin: InputStream }): Promise<PromptedRun | null> {
  const output = new Writable({
    write(chunk, _encoding, done) {
      io.stderr.write(String(chunk));
      done();
    },
  });
  const rl = readline.createInterface({ input: io.stdin, output, terminal: io.stderr.isTTY === true });
  // Lines typed (or pasted) ahead of a question wait here for it; readline's own question()
  // would drop them.
  const typed: string[] = [];
  let waiting: ((line: string | null) => void) | null = null;
  let ended = false;
  const end = () => {
    ended = true;
    waiting?.(null);
  };
  rl.on('line', (line) => (waiting ? waiting(line) : typed.push(line)));
  // Without a listener, readline only pauses on Ctrl-C and the question never ends.
  rl.on('SIGINT', end);
  rl.on('close', end);
  const ask = (question: string): Promise<string | null> => {
    io.stderr.write(question);
    if (typed.length > 0) return Promise.resolve(typed.shift()!.trim());
    if (ended) return Promise.resolve(null);
    return new Promise((resolve) => {
      waiting = (line) => {
        waiting = null;
        resolve(line === null ? null : line.trim());
      };
    });
  };

  try {
    let target: string | null = null;
    for (let attempt = 0; attempt < 3 && target === null; attempt++) {
      const answer = await ask('Folder or file to migrate (.): ');
      if (answer === null) return null;
      const candidate = answer === '' ? '.' : answer;
      if (fs.existsSync(path.resolve(io.cwd, candidate))) target = candidate;
      else io.stderr.write(`  no such file or folder: ${candidate}\n`);
    }
    if (target === null) return null;
    const preview = await ask('Preview the changes first, writing nothing (dry run)? [Y/n] ');
    if (preview === null) return null;
    const dry = !/^n(o)?$/i.test(preview);
    return { paths: [target], dry };
  } finally {
    rl.close();
  }
}
