import { Edit } from './edits';
import { PlayOptions } from './playback-decide';
import { PlaybackSite } from './playback-sites';
import { RewriteContext, statementLinesEdit } from './rewrite';

/**
 * Writes converted playback sites (SPEC §8) over the file's one InnerAudioContext,
 * `player`. Deciding which sites convert happens in playback-decide.ts.
 */

/** `wx.pauseVoice()` -> `player.pause()`, `wx.stopVoice()` -> `player.stop()`, in place. */
export function controlEdit(site: PlaybackSite, player: string): Edit {
  const call = site.call!.node;
  const method = site.api === 'pauseVoice' ? 'pause' : 'stop';
  return { start: call.start, end: call.end, build: () => `${player}.${method}()` };
}

/**
 * `wx.playVoice({ filePath })` (no callbacks): the same file, paused, resumes; anything
 * else starts from the beginning (`stop()` first: setting the same src again does not
 * restart it, and a file that plays is cut as playVoice cut it).
 */
export function playEdit(site: PlaybackSite, play: PlayOptions, player: string, inStatementList: boolean, ctx: RewriteContext): Edit {
  const statement = site.statement!.node;
  return statementLinesEdit(statement, statement.start, inStatementList, ctx, (_indent, render) => {
    const { style, source } = ctx;
    const semi = style.semicolons ? ';' : '';
    const loose = ctx.comments.filter((c) => c.start > statement.start && c.end < statement.end);
    // `filePath: path, // 本地临时文件` stays with the path, at the end of the src line.
    const onPathLine = (c: { start: number }) => !source.slice(play.filePath.end, c.start).includes('\n');
    const pathComments = loose.filter(onPathLine).map((c) => ' ' + source.slice(c.start, c.end));
    const lines: string[] = loose.filter((c) => !onPathLine(c)).map((c) => source.slice(c.start, c.end));
    const path = render(play.filePath.start, play.filePath.end);
    // `item.localPath || item.url` compared as a whole.
    const compared = /^(Identifier|ThisExpression|StringLiteral|NumericLiteral|TemplateLiteral|(Optional)?MemberExpression|TSNonNullExpression)$/.test(play.filePath.type) ? path : `(${path})`;
    lines.push(
      `if (${player}.src !== ${compared} || !${player}.paused) {`,
      `${style.indentUnit}${player}.stop()${semi}`,
      `${style.indentUnit}${player}.src = ${path}${semi}${pathComments.join('')}`,
      '}',
      `${player}.play()${semi}`,
    );
    return lines;
  });
}
