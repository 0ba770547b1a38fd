import { LegacyApi, PlaybackApi, SiteAction, SiteReport } from '../migrate';
import { FileOutcome } from '../engine/outcome';
import type { AddedShimFile } from '../shim-delivery';
import { Colors } from './colors';
import { displayPath } from './display-path';

/**
 * Bump when a field changes meaning or disappears; adding a field keeps the version.
 * 2: sites that are not the mini-program API (JS-SDK, my/tt/uni, mocks) are `ignored`, no
 * longer `skipped`; `summary.ignored` counts them; playback sites (`playVoice`, ...) are listed.
 */
export const REPORT_VERSION = 2;

export interface JsonSite {
  /** The playback APIs are listed as sites too (reported, not migrated yet). */
  api: LegacyApi | PlaybackApi;
  line: number;
  column: number;
  action: SiteAction;
  reason?: string;
  notes: string[];
}

export interface JsonFile {
  path: string;
  /** With `--dry`, `changed` means "would change". */
  status: FileOutcome['status'];
  error?: string;
  sites: JsonSite[];
}

export interface Summary {
  files: number;
  changed: number;
  unchanged: number;
  errors: number;
  converted: number;
  shimmed: number;
  skipped: number;
  ignored: number;
}

export interface JsonReport {
  version: typeof REPORT_VERSION;
  files: JsonFile[];
  summary: Summary;
  /** Present only when Ctrl-C stopped the run: `files` lists the files processed before it. */
  interrupted?: { notProcessed: number };
  /** Files the run added (with --dry: would add): the shim, once per app. Absent when none. */
  added?: Array<{ path: string; types?: string; importedBy: number }>;
}

/** How a run ended, besides the files' own outcomes. */
export interface RunInfo {
  /** Files found but not processed because the run was interrupted (0 when it was not). */
  notProcessed: number;
  /** Shim files written into apps (or, in a dry run, that would be). */
  addedFiles?: AddedShimFile[];
}

export function summarize(outcomes: readonly FileOutcome[]): Summary {
  const summary: Summary = { files: 0, changed: 0, unchanged: 0, errors: 0, converted: 0, shimmed: 0, skipped: 0, ignored: 0 };
  for (const outcome of outcomes) {
    summary.files += 1;
    if (outcome.status === 'changed') summary.changed += 1;
    else if (outcome.status === 'unchanged') summary.unchanged += 1;
    else summary.errors += 1;
    for (const site of outcome.sites) summary[site.action] += 1;
  }
  return summary;
}

/** Every processed file is listed, so that `summary.files === files.length` and CI sees what was looked at. */
export function buildJsonReport(outcomes: readonly FileOutcome[], cwd: string, run: RunInfo = { notProcessed: 0 }): JsonReport {
  const files = outcomes.map((outcome): JsonFile => {
    // Built field by field: the key order is the documented one, and nothing the
    // migration adds to its own objects leaks into the public format by accident.
    return {
      path: displayPath(outcome.filePath, cwd),
      status: outcome.status,
      ...(outcome.status === 'error' ? { error: outcome.error } : {}),
      sites: sortedSites(outcome.sites).map(toJsonSite),
    };
  });
  const report: JsonReport = { version: REPORT_VERSION, files, summary: summarize(outcomes) };
  if (run.notProcessed > 0) report.interrupted = { notProcessed: run.notProcessed };
  if (run.addedFiles && run.addedFiles.length > 0) {
    report.added = run.addedFiles.map((a) => ({
      path: displayPath(a.file, cwd),
      ...(a.types ? { types: displayPath(a.types, cwd) } : {}),
      importedBy: a.importedBy,
    }));
  }
  return report;
}

function toJsonSite(site: SiteReport): JsonSite {
  return {
    api: site.api,
    line: site.line,
    column: site.column,
    action: site.action,
    ...(site.reason !== undefined ? { reason: site.reason } : {}),
    notes: [...site.notes],
  };
}

/** Source order, whatever order the migration found them in. */
function sortedSites(sites: readonly SiteReport[]): SiteReport[] {
  return [...sites].sort((a, b) => a.line - b.line || a.column - b.column);
}

export interface HumanReportOptions {
  cwd: string;
  dry: boolean;
  /** `--print`: nothing is written either, but the advice differs from `--dry`'s. */
  print?: boolean;
  colors: Colors;
  /** Defaults to a run that went to its end. */
  run?: RunInfo;
}

/**
 * One line per file worth reading (changed, failed, or unchanged with skipped sites), each
 * site under it as `path:line:column  action  api  reason` (a form editors and terminals
 * turn into links). The behaviour notes are the same sentences on many sites, so each is
 * printed once at the end with a number, and the sites refer to it (`review: 1, 3`).
 */
export function formatHumanReport(outcomes: readonly FileOutcome[], options: HumanReportOptions): string {
  const { colors } = options;
  const changedLabel = options.dry ? 'would change' : 'changed';
  // The same width with and without --dry, so that both outputs line up the same way.
  const labelWidth = 'would change'.length;
  const lines: string[] = [];
  const notes = new Map<string, { number: number; sites: number }>();
  const noteNumber = (note: string) => {
    const entry = notes.get(note) ?? { number: notes.size + 1, sites: 0 };
    entry.sites++;
    notes.set(note, entry);
    return entry.number;
  };

  for (const outcome of outcomes) {
    if (outcome.status === 'unchanged' && outcome.sites.length === 0) continue;
    const shown = displayPath(outcome.filePath, options.cwd);
    const label = outcome.status === 'changed' ? changedLabel : outcome.status;
    lines.push(`${paintStatus(label.padEnd(labelWidth), outcome.status, colors)}  ${shown}`);

    if (outcome.status === 'error') {
      const where = outcome.line !== undefined ? `${shown}:${outcome.line}:${outcome.column ?? 1}` : shown;
      lines.push(`  ${where}  ${colors.red('error')}  ${outcome.error}`);
    }
    for (const site of sortedSites(outcome.sites)) {
      const reason = site.reason ? `  ${site.reason}` : '';
      const review = site.notes.length > 0 ? `  ${colors.dim(`review: ${site.notes.map(noteNumber).join(', ')}`)}` : '';
      lines.push(`  ${shown}:${site.line}:${site.column}  ${paintAction(site.action, colors)}  ${site.api}${reason}${review}`);
    }
  }

  if (notes.size > 0) {
    lines.push('', 'Behaviour differences to review at the sites that list them:');
    for (const [note, { number, sites }] of notes) lines.push(`  ${number}. ${note} (${plural(sites, 'site')})`);
  }
  const reasons = skippedByReason(outcomes);
  if (reasons.length > 1) {
    // With one reason the per-site lines already say it all.
    lines.push('', 'Sites left on the old API that need you, by reason:');
    for (const [reason, count] of reasons) lines.push(`  ${String(count).padStart(4)}  ${reason}`);
  }
  const added = options.run?.addedFiles ?? [];
  if (added.length > 0) {
    lines.push('', options.dry ? 'The shim would be added (the shimmed sites import it):' : 'Added the shim (the shimmed sites import it):');
    for (const a of added) {
      const types = a.types ? ` and ${displayPath(a.types, options.cwd)}` : '';
      lines.push(`  ${displayPath(a.file, options.cwd)}${types}  (imported by ${plural(a.importedBy, 'file')}; delete it once no file imports it)`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(formatTotals(summarize(outcomes), options));
  return lines.join('\n') + '\n';
}

/** Most frequent first; the text of a reason is the same sentence wherever it applies. */
function skippedByReason(outcomes: readonly FileOutcome[]): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    for (const site of outcome.sites) {
      if (site.action === 'skipped') counts.set(site.reason ?? 'no reason given', (counts.get(site.reason ?? 'no reason given') ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

function formatTotals(summary: Summary, options: HumanReportOptions): string {
  const changed = options.dry ? `${summary.changed} would change` : `${summary.changed} changed`;
  const files = `${plural(summary.files, 'file')}: ${changed}, ${summary.unchanged} unchanged, ${plural(summary.errors, 'error')}`;
  const sites = `sites: ${summary.converted} converted, ${summary.shimmed} shimmed, ${summary.skipped} skipped (need you), ${summary.ignored} ignored (not the mini-program API)`;
  const lines = [`${files}; ${sites}`];
  const notProcessed = options.run?.notProcessed ?? 0;
  if (notProcessed > 0) {
    lines.push(
      `Interrupted: ${plural(notProcessed, 'file')} not processed. Every file holds either its old or its new text; run the same command again to finish.`,
    );
  }
  if (summary.errors > 0) lines.push('Files with errors were left as they were: each error line above says why.');
  if (options.print) {
    lines.push('--print: no file was written; the migrated text went to stdout. Run without --print to write the changes.');
  } else if (options.dry) {
    lines.push('Dry run: no file was written. Run again without --dry to write the changes.');
  } else if (summary.changed > 0) {
    lines.push('Next: review the diff (git diff), the differences listed above, then run your tests.');
  }
  if (summary.skipped > 0) lines.push('Skipped sites stay on the old API and need you: each line above says why.');
  return lines.join('\n');
}

function paintStatus(text: string, status: FileOutcome['status'], colors: Colors): string {
  if (status === 'changed') return colors.green(text);
  if (status === 'error') return colors.red(text);
  return colors.dim(text);
}

function paintAction(action: SiteAction, colors: Colors): string {
  if (action === 'converted') return colors.green(action);
  if (action === 'shimmed') return colors.cyan(action);
  if (action === 'ignored') return colors.dim(action);
  return colors.yellow(action);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
