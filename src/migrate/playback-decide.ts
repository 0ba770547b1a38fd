import { hostGroup } from './manager';
import { NOTES } from './notes';
import { PlaybackSite } from './playback-sites';

/**
 * What to do with each playback site (SPEC §8), decided apart from how it is written
 * (playback-rewrite.ts). The facts the design rests on:
 * - the file's recordings become aac files, which playVoice most likely cannot play and
 *   InnerAudioContext can; InnerAudioContext cannot play silk. So playback moves exactly
 *   when every recording of the file moves, and never in a file that does not record;
 * - playVoice's callbacks (and its Promise) answer once per call: at the end of playback,
 *   or when a stopVoice or another playVoice cuts it short (devices were reported to
 *   answer then). Keeping that needs one record of the call in progress, shared by every
 *   play and stop of the app: the shim's player. So a play with callbacks goes to the
 *   shim; a play without them, a pause and a stop are written in place over one
 *   InnerAudioContext for the file (src set only when the file changes, so a paused file
 *   resumes);
 * - all playback sites of a host in a file go the same way (in place, shim or old API),
 *   or a pause would reach another player than the play.
 */
export type PlaybackAction = 'convert' | 'shim' | 'skip';

export interface PlayOptions {
  /** The `filePath` value: written twice by the rewrite, so it is an expression without effects. */
  filePath: any;
}

export interface PlaybackDecision {
  site: PlaybackSite;
  action: PlaybackAction;
  reason?: string;
  /** Not the mini-program API at all (an assignment, an existence test): reported as ignored. */
  notOurs?: boolean;
  notes: string[];
  /** For a converted `playVoice({ filePath })` statement. */
  play?: PlayOptions;
}

export interface PlaybackFacts {
  /** `moved`: every startRecord of the file leaves the old API; `mixed`: some stay; `none`: the file does not record. */
  recording: 'moved' | 'mixed' | 'none';
  /** The shim may take sites (not `--no-shim`). */
  shimAllowed: boolean;
  /**
   * The file is built for several platforms (Taro, .vue, JSX): a player created at import
   * would run everywhere (on Taro H5 it adds an <audio> element to every page that
   * imports the file), and `wx` may not exist. The shim creates its player at the first play.
   */
  multiPlatform: boolean;
}

type Verdict = { action: 'convert'; play?: PlayOptions; notes: string[] } | { action: 'shim' | 'skip'; reason: string; notOurs?: boolean };

export function decidePlayback(sites: PlaybackSite[], facts: PlaybackFacts): PlaybackDecision[] {
  const decisions = sites.map((site) => toDecision(site, verdictFor(site, facts), facts));
  keepGroupsOnOnePlayer(decisions, facts);
  return decisions;
}

function toDecision(site: PlaybackSite, verdict: Verdict, facts: PlaybackFacts): PlaybackDecision {
  if (verdict.action === 'convert') return { site, action: 'convert', notes: verdict.notes, ...(verdict.play ? { play: verdict.play } : {}) };
  if (verdict.action === 'shim' && !facts.shimAllowed) return { site, action: 'skip', reason: `${verdict.reason} (the shim is off: --no-shim)`, notes: [NOTES.playbackOfAac] };
  return { site, action: verdict.action, reason: verdict.reason, notes: notesFor(verdict.action, site, facts, verdict.notOurs), ...(verdict.notOurs ? { notOurs: true } : {}) };
}

function notesFor(action: PlaybackAction, site: PlaybackSite, facts: PlaybackFacts, notOurs?: boolean): string[] {
  if (notOurs || facts.recording === 'none') return [];
  if (action === 'skip') return [NOTES.playbackOfAac];
  return site.api === 'playVoice' ? [NOTES.oldSilkFilesDoNotPlay] : [];
}

function verdictFor(site: PlaybackSite, facts: PlaybackFacts): Verdict {
  if (site.usage === 'assignment' || site.usage === 'check') {
    return { action: 'skip', notOurs: true, reason: `${site.label} is ${site.usage === 'check' ? 'only tested for existence' : 'assigned to (a mock or a polyfill)'}, not called` };
  }
  if (facts.recording === 'none') {
    return {
      action: 'skip',
      reason: `this file does not record: what it plays comes from elsewhere (an old silk recording, a download), and InnerAudioContext cannot play silk; move it to ${site.host.name}.createInnerAudioContext() together with the recording that makes the file`,
    };
  }
  if (facts.recording === 'mixed') {
    return { action: 'skip', reason: `some recordings of this file stay on startRecord (silk files, which InnerAudioContext cannot play), so playback stays on ${site.host.name}.${site.api} with them` };
  }
  if (site.usage === 'reference') return { action: 'shim', reason: `${site.label} is used as a value, not called` };
  if (facts.multiPlatform) {
    return { action: 'shim', reason: 'this file is built for several platforms: the shim creates its player at the first play, where a player written here would be created on import, on every platform' };
  }
  return site.api === 'playVoice' ? playVerdict(site) : controlVerdict(site);
}

/** `pauseVoice()` / `stopVoice()`: a plain call whose value nobody reads. */
function controlVerdict(site: PlaybackSite): Verdict {
  const call = site.call!.node;
  if (call.arguments.length > 0) return { action: 'shim', reason: `${site.label} is called with options (its callbacks keep their old answers in the shim)` };
  if (site.usage === 'statement' || isArrowBody(site)) return { action: 'convert', notes: [] };
  return { action: 'shim', reason: `the value ${site.label}() returns is used` };
}

/** `() => wx.stopVoice()`: the arrow's value is thrown away by the timer or handler that calls it. */
function isArrowBody(site: PlaybackSite): boolean {
  const parent = site.call!.parent?.node;
  return site.usage === 'expression' && parent?.type === 'ArrowFunctionExpression' && parent.body === site.call!.node && !parent.async;
}

const CALLBACK_KEYS = new Set(['success', 'fail', 'complete']);

function playVerdict(site: PlaybackSite): Verdict {
  if (site.usage !== 'statement') {
    return { action: 'shim', reason: `the Promise ${site.label}() returns is used (it settles when playback ends or is cut short; the shim keeps it)` };
  }
  const args = site.call!.node.arguments;
  if (args.length !== 1 || args[0].type !== 'ObjectExpression') return { action: 'shim', reason: `${site.label} is not called with an object literal of options` };
  let filePath: any = null;
  for (const property of args[0].properties) {
    const key = !property.computed && (property.key?.type === 'Identifier' ? property.key.name : property.key?.value);
    if (key && CALLBACK_KEYS.has(key)) {
      return {
        action: 'shim',
        reason: `its ${key} callback answers when playback ends, and also when a stopVoice or another playVoice cuts it short: that needs the one player the shim shares across the app`,
      };
    }
    if (key === 'duration') return { action: 'shim', reason: `${site.label} is called with duration (the shim stops playback after it)` };
    if (property.type === 'SpreadElement' || key !== 'filePath') return { action: 'shim', reason: `${site.label} is called with ${key ? `option ${key}` : 'an option this tool cannot read'}` };
    if (property.type !== 'ObjectProperty' || !isRepeatable(property.value)) {
      return { action: 'shim', reason: 'filePath is an expression the new code would have to evaluate twice (src is set only when the file changes)' };
    }
    filePath = property.value;
  }
  if (!filePath) return { action: 'shim', reason: `${site.label} is called without filePath` };
  return { action: 'convert', play: { filePath }, notes: [NOTES.oldSilkFilesDoNotPlay, NOTES.playerPerFile, NOTES.noSixtySecondCap, NOTES.playVoicePromiseGone] };
}

/**
 * Expressions that give the same value when evaluated twice and do nothing else: names,
 * literals, `this`, member chains (`that.data.voicePath`, `item.localPath || item.url`).
 */
function isRepeatable(node: any): boolean {
  switch (node.type) {
    case 'Identifier':
    case 'ThisExpression':
    case 'StringLiteral':
    case 'NumericLiteral':
      return true;
    case 'TemplateLiteral':
      return node.expressions.every(isRepeatable);
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return isRepeatable(node.object) && (!node.computed || isRepeatable(node.property));
    case 'LogicalExpression':
    case 'BinaryExpression':
      return isRepeatable(node.left) && isRepeatable(node.right);
    case 'ConditionalExpression':
      return isRepeatable(node.test) && isRepeatable(node.consequent) && isRepeatable(node.alternate);
    case 'TSNonNullExpression':
    case 'TSAsExpression':
      return isRepeatable(node.expression);
    default:
      return false;
  }
}

/**
 * One player per host in the file: when a site of a group cannot be converted, the others
 * follow it (to the shim, whose player is shared, or stay on the old API), so that
 * play, pause and stop still reach the same voice.
 */
function keepGroupsOnOnePlayer(decisions: PlaybackDecision[], facts: PlaybackFacts): void {
  const groups = new Map<string, PlaybackDecision[]>();
  for (const d of decisions) {
    if (d.notOurs) continue;
    const key = hostGroup(d.site.host);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  for (const group of groups.values()) {
    const leader = group.find((d) => d.action === 'skip') ?? group.find((d) => d.action === 'shim');
    if (!leader) continue;
    for (const d of group) {
      if (d === leader || d.action === leader.action) continue;
      d.action = leader.action;
      d.reason = `${leader.site.label} at line ${leader.site.line} ${leader.action === 'shim' ? 'goes to the shim' : 'stays on the old API'}, and play, pause and stop must reach the same player`;
      d.notes = notesFor(leader.action, d.site, facts);
      delete d.play;
    }
  }
}
