import { FileOutcome } from '../engine/outcome';
import { PLAYBACK_APIS } from '../migrate/api-names';
import { displayPath } from './display-path';
import { RunInfo, summarize } from './report';

/**
 * `--report-md <file>`: the run as a Markdown review report, ready to paste into a pull
 * request (GitHub and GitLab render it alike: headings, one table, task lists): the
 * counts, every file with its sites, what to test by hand on a device, and the files the
 * run added. Text from the code (reasons, paths) is escaped so that it stays text.
 */
export function formatMarkdownReport(outcomes: readonly FileOutcome[], cwd: string, run: RunInfo, dry: boolean): string {
  const s = summarize(outcomes);
  const lines: string[] = ['## startRecord → getRecorderManager migration', ''];
  lines.push(
    `${dry ? 'Preview (nothing written): ' : ''}**${s.changed}** file${s.changed === 1 ? '' : 's'} ${dry ? 'would change' : 'changed'} of ${s.files} read; ` +
      `sites: **${s.converted}** converted, **${s.shimmed}** shimmed, **${s.skipped}** left on the old API (need you), ${s.ignored} ignored (not the mini-program API)` +
      `${s.errors > 0 ? `; **${s.errors}** file${s.errors === 1 ? '' : 's'} could not be processed` : ''}.`,
    '',
  );

  const listed = outcomes.filter((o) => o.status !== 'unchanged' || o.sites.some((site) => site.action !== 'ignored'));
  if (listed.length > 0) {
    lines.push('### Sites', '', '| Where | API | What happened | Why |', '| --- | --- | --- | --- |');
    for (const o of [...listed].sort((a, b) => a.filePath.localeCompare(b.filePath))) {
      const shown = displayPath(o.filePath, cwd);
      if (o.status === 'error') lines.push(`| \`${cell(shown)}\` | | error | ${cell(o.error)} |`);
      for (const site of [...o.sites].sort((a, b) => a.line - b.line || a.column - b.column)) {
        lines.push(`| \`${cell(`${shown}:${site.line}`)}\` | \`${site.api}\` | ${site.action} | ${cell(site.reason ?? '')} |`);
      }
    }
    lines.push('');
  }

  // Playback calls, apart: they move with the recording, and each needs a listen on a device.
  const playback = outcomes.flatMap((o) =>
    o.sites.filter((site) => (PLAYBACK_APIS as readonly string[]).includes(site.api) && site.action !== 'ignored').map((site) => ({ where: `${displayPath(o.filePath, cwd)}:${site.line}`, site })),
  );
  if (playback.length > 0) {
    const moved = playback.filter((p) => p.site.action === 'converted' || p.site.action === 'shimmed').length;
    lines.push(
      '### Playback',
      '',
      `${playback.length} playback call${playback.length === 1 ? '' : 's'} (\`playVoice\`, \`pauseVoice\`, \`stopVoice\`): ${moved} moved to one \`InnerAudioContext\` per file (or the shim's), ${playback.length - moved} left on the old API.`,
      '',
    );
    for (const p of playback) lines.push(`- \`${cell(p.where)}\` \`${p.site.api}\`: ${p.site.action}${p.site.reason ? ` (${cell(p.site.reason)})` : ''}`);
    lines.push('');
  }

  const notes = new Map<string, number>();
  for (const o of outcomes) for (const site of o.sites) for (const note of site.notes) notes.set(note, (notes.get(note) ?? 0) + 1);
  lines.push('### Test on a device', '');
  const checks = [
    'The recording is now **aac**, not silk: every upload, server-side decoder or transcoder that expects silk.',
    ...(playback.length > 0
      ? [
          'Play a new recording to its end: it plays, and the "playing" state resets at the end (success/complete now run there).',
          'Pause, then play again (it resumes); stop, then play (it starts over); play another voice while one plays (the first stops, and its "playing" state resets).',
          'Old recordings (silk, from before the migration: voice messages, saved paths) where the page plays them: InnerAudioContext cannot play silk.',
        ]
      : []),
    'Hold to record past **60 s**, then release: no error is shown, the recording arrives once.',
    'A quick tap on the record button, and stop tapped twice.',
    'Recording with the microphone **permission denied**, then granted in the settings.',
  ];
  for (const check of checks) lines.push(`- [ ] ${check}`);
  for (const [note, count] of notes) lines.push(`- [ ] ${cell(note)} (${count} site${count === 1 ? '' : 's'})`);
  lines.push('');

  const added = run.addedFiles ?? [];
  if (added.length > 0) {
    lines.push(`### Files ${dry ? 'that would be ' : ''}added`, '');
    for (const a of added) {
      lines.push(`- \`${cell(displayPath(a.file, cwd))}\`${a.types ? ` and \`${cell(displayPath(a.types, cwd))}\`` : ''}: the runtime shim, imported by ${a.importedBy} file${a.importedBy === 1 ? '' : 's'}; delete it once no file imports it.`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** Text that stays text inside a table cell: pipes, backticks, HTML and line breaks escaped. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ');
}
