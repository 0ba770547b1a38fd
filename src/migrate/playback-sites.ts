import type { ASTPath } from 'jscodeshift';
import { PLAYBACK_APIS } from './api-names';
import { resolveHost } from './hosts';
import { NodeIndex } from './node-index';
import { NOTES } from './notes';
import { PlaybackApi, SiteReport } from './report';

/**
 * `wx.playVoice`/`pauseVoice`/`stopVoice` (and Taro's, QQ's, Baidu's) in a file that
 * records: deprecated like startRecord, and about a third of recording pages play the
 * recording back with them. After the recording moves to getRecorderManager() it is an
 * aac file, which playVoice most likely cannot play (SPEC §8). They are not migrated yet;
 * each is reported, so that none is silent. The JS-SDK's `playVoice({ localId })` is not
 * ours (the caller does not ask in JS-SDK files).
 */
export function findPlaybackSites(index: NodeIndex, rootPath: ASTPath<any>, taroNames: Set<string>, recordingMoved: boolean): SiteReport[] {
  const sites: SiteReport[] = [];
  for (const node of index.of('MemberExpression', 'OptionalMemberExpression')) {
    const api = !node.computed && node.property?.type === 'Identifier' ? (node.property.name as PlaybackApi) : null;
    if (!api || !PLAYBACK_APIS.includes(api) || node.object.type !== 'Identifier') continue;
    const host = resolveHost(node.object, index.pathTo(rootPath, node), taroNames);
    if (!host || (host.kind !== 'global' && host.kind !== 'taro')) continue;
    const reason = recordingMoved
      ? `${node.object.name}.${api} is not migrated yet, and the recording it plays is now an aac file, which playVoice most likely cannot play: move playback to ${node.object.name}.createInnerAudioContext() (src, play(), pause(), stop()) by hand`
      : `${node.object.name}.${api} is deprecated (replaced by ${node.object.name}.createInnerAudioContext()); not migrated yet`;
    sites.push({ api, line: node.loc.start.line, column: node.loc.start.column + 1, action: 'skipped', reason, notes: recordingMoved ? [NOTES.playbackOfAac] : [] });
  }
  return sites;
}
