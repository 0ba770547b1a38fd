import * as fs from 'fs';
import { FileOutcome } from '../engine/outcome';
import { Colors } from './colors';
import { colorizeDiff, unifiedDiff } from './diff';
import * as path from 'path';
import { displayPath } from './display-path';
import { findWorkTreeTop } from './work-tree';
import { OutputStream } from './io';

export type FileOutputMode = 'diff' | 'print' | 'none';

/**
 * What is printed for each file while the run goes on: the `--dry` diff, or `--print`'s
 * migrated text. Files finish in any order (worker threads); they are printed in path
 * order, as soon as every file before them is done, so that the output is the same from
 * run to run and memory holds only the files waiting for an earlier one.
 */
export class FileOutput {
  private readonly waiting = new Map<number, FileOutcome>();
  private next = 0;

  constructor(
    private readonly mode: FileOutputMode,
    private readonly files: readonly string[],
    private readonly stream: OutputStream,
    private readonly cwd: string,
    private readonly colors: Colors,
    /** Called before each write, so that a progress bar on the same terminal gets out of the way. */
    private readonly beforeWrite: () => void = () => undefined,
  ) {}

  add(index: number, outcome: FileOutcome): void {
    if (this.mode === 'none') return;
    this.waiting.set(index, outcome);
    while (this.waiting.has(this.next)) {
      this.emit(this.waiting.get(this.next)!);
      this.waiting.delete(this.next);
      this.next++;
    }
  }

  private readonly tops = new Map<string, string | null>();

  /**
   * The path a patch names: relative to the git work tree's top, as `git diff` writes it, so
   * that `git apply` takes it from the repository root whatever folder the run started in;
   * outside a work tree, relative to the working folder.
   */
  private patchPath(filePath: string): string {
    const folder = path.dirname(filePath);
    if (!this.tops.has(folder)) this.tops.set(folder, findWorkTreeTop(folder));
    const top = this.tops.get(folder);
    return top ? path.relative(top, filePath).split(path.sep).join('/') : displayPath(filePath, this.cwd);
  }

  /** After an interrupted run: the files done after a gap are printed too. */
  flush(): void {
    for (const index of [...this.waiting.keys()].sort((a, b) => a - b)) this.emit(this.waiting.get(index)!);
    this.waiting.clear();
  }

  private emit(outcome: FileOutcome): void {
    if (outcome.status !== 'changed' && !(this.mode === 'print' && this.files.length === 1)) return;
    this.beforeWrite();
    const shown = displayPath(outcome.filePath, this.cwd);
    if (this.mode === 'diff') {
      if (outcome.status !== 'changed' || outcome.after === undefined) return;
      this.stream.write(`${colorizeDiff(unifiedDiff(this.patchPath(outcome.filePath), outcome.before ?? '', outcome.after), this.colors)}\n`);
      return;
    }
    // --print: one file prints its text alone (so it can be redirected to a file), as it
    // is when nothing changes; several files print the changed ones under a header.
    if (this.files.length === 1) {
      if (outcome.status === 'changed' && outcome.after !== undefined) this.stream.write(outcome.after);
      else if (outcome.status === 'unchanged') this.stream.write(fs.readFileSync(outcome.filePath, 'utf8'));
      return;
    }
    if (outcome.status !== 'changed' || outcome.after === undefined) return;
    const text = outcome.after.endsWith('\n') ? outcome.after : `${outcome.after}\n`;
    this.stream.write(`==> ${shown} <==\n${text}`);
  }
}
