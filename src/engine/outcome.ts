import { SiteReport } from '../migrate';

/**
 * What happened to one file: plain data, so that it crosses from the worker threads to the
 * report unchanged, and so that the JSON report and the human summary read the same facts.
 */
export interface ChangedFile {
  status: 'changed';
  filePath: string;
  sites: SiteReport[];
  /**
   * The texts before and after, kept only while the CLI needs them (the `--dry` diff,
   * `--print`): a run over a large tree must not hold every file in memory until the end.
   */
  before?: string;
  after?: string;
}

export interface UnchangedFile {
  status: 'unchanged';
  filePath: string;
  /** Sites the migration found but left alone (skipped), if any. */
  sites: SiteReport[];
}

export interface FailedFile {
  status: 'error';
  filePath: string;
  error: string;
  /** Where the problem is, when the migration knows (parse errors). */
  line?: number;
  column?: number;
  /** Always empty: a file that failed is never partly migrated. */
  sites: SiteReport[];
}

export type FileOutcome = ChangedFile | UnchangedFile | FailedFile;

export function unchanged(filePath: string, sites: SiteReport[] = []): UnchangedFile {
  return { status: 'unchanged', filePath, sites };
}

export function failed(filePath: string, error: string, location: { line?: number; column?: number } = {}): FailedFile {
  const outcome: FailedFile = { status: 'error', filePath, error, sites: [] };
  if (location.line !== undefined) outcome.line = location.line;
  if (location.column !== undefined) outcome.column = location.column;
  return outcome;
}

/** The same outcome without the file texts, for keeping until the end of a long run. */
export function withoutTexts(outcome: FileOutcome): FileOutcome {
  if (outcome.status !== 'changed' || (outcome.before === undefined && outcome.after === undefined)) return outcome;
  return { status: 'changed', filePath: outcome.filePath, sites: outcome.sites };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
