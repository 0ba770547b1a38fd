import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliIo } from '../../src/cli/io';
import { main, MainDependencies } from '../../src/cli/main';

/**
 * What the CLI tests share: temporary projects, a few sample pages, and the CLI run
 * in-process with its output captured.
 */

// The smallest page the real migration converts: one stopRecord with no options.
export const STOP_PAGE = ['Page({', '  stop() {', '    wx.stopRecord()', '  },', '})', ''].join('\n');
export const PLAIN_PAGE = "Page({ data: { title: 'no recording here' } })\n";
export const BROKEN_PAGE = ['Page({', '  stop() {', '    wx.stopRecord(', '  },', '})', ''].join('\n');

const tempDirs: string[] = [];

/** A fresh folder in the OS temp folder, removed by `removeTempDirs` (call it in afterAll). */
export function tempDir(prefix = 'startrecord-cli-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A fresh project in the OS temp folder: `{ 'pages/a.js': '...' }`. Never the repo's examples. */
export function makeProject(files: Record<string, string | Buffer>, prefix?: string): string {
  const root = tempDir(prefix);
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

export const read = (root: string, relative: string): string => fs.readFileSync(path.join(root, relative), 'utf8');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The CLI in-process, its output captured. `extra` replaces parts of the io (a terminal, stdin). */
export async function runCli(argv: string[], cwd: string, dependencies: MainDependencies = {}, extra: Partial<CliIo> = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    cwd,
    ...extra,
  };
  const code = await main(argv, io, dependencies);
  return { code, stdout, stderr };
}
