import type { ASTPath } from 'jscodeshift';
import { PLAYBACK_APIS } from './api-names';
import { Host, resolveHost } from './hosts';
import { NodeIndex } from './node-index';
import type { OtherBlock } from './sfc-other-block';
import { PlaybackApi } from './report';
import { Site, classifyUsage } from './sites';

/**
 * `wx.playVoice`/`pauseVoice`/`stopVoice` (and Taro's, QQ's, Baidu's): deprecated like
 * startRecord, and about a third of recording pages play the recording back with them
 * (SPEC §8). Found like the recording sites (scope decides the host, never the spelling),
 * with how each call is used. The JS-SDK's `playVoice({ localId })` is not ours: the
 * caller does not look in JS-SDK files.
 */
export interface PlaybackSite extends Omit<Site, 'api' | 'computed'> {
  api: PlaybackApi;
}

export function findPlaybackSites(index: NodeIndex, rootPath: ASTPath<any>, taroNames: Set<string>, otherBlock?: OtherBlock): PlaybackSite[] {
  const sites: PlaybackSite[] = [];
  for (const node of index.of('MemberExpression', 'OptionalMemberExpression')) {
    const api = !node.computed && node.property?.type === 'Identifier' ? (node.property.name as PlaybackApi) : null;
    if (!api || !PLAYBACK_APIS.includes(api) || node.object.type !== 'Identifier') continue;
    const member = index.pathTo(rootPath, node);
    const host: Host | null = resolveHost(node.object, member, taroNames, index, otherBlock);
    if (!host || (host.kind !== 'global' && host.kind !== 'taro')) continue;
    sites.push({
      api,
      host,
      label: `${host.name}.${api}`,
      member,
      ...classifyUsage(member),
      line: node.loc.start.line,
      column: node.loc.start.column + 1,
    });
  }
  return sites.sort((a, b) => a.member.node.start - b.member.node.start);
}
