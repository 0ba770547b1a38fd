import { someNode } from './ast-walk';
import { findUses, usesArguments } from './callback-uses';
import { hostGroup } from './manager';
import { NOTES } from './notes';
import { PlaybackSite } from './playback-sites';
import type { Callback, CallbackKey } from './start-options';

/**
 * What to do with each playback site (SPEC §8), decided apart from how it is written
 * (playback-rewrite.ts). The facts the design rests on:
 * - the file's recordings become aac files, which playVoice most likely cannot play and
 *   InnerAudioContext can; InnerAudioContext cannot play silk. So playback moves exactly
 *   when every recording of the file moves, and never in a file that does not record;
 * - one InnerAudioContext for the file reproduces "one voice at a time", pause/resume of
 *   the same file and stop; all playback sites of a host in the file therefore go the same
 *   way (converted, shim or old API), or a pause would reach another player than the play.
 */
export type PlaybackAction = 'convert' | 'shim' | 'skip';

export interface PlayOptions {
  /** The `filePath` value: written twice by the rewrite, so it is an expression without effects. */
  filePath: any;
  callbacks: Partial<Record<CallbackKey, Callback>>;
}

export interface PlaybackDecision {
  site: PlaybackSite;
  action: PlaybackAction;
  reason?: string;
  /** Not the mini-program API at all (an assignment, an existence test): reported as ignored. */
  notOurs?: boolean;
  notes: string[];
  /** For a converted `playVoice(...)` statement. */
  play?: PlayOptions;
}

export interface PlaybackFacts {
  /** `moved`: every startRecord of the file leaves the old API; `mixed`: some stay; `none`: the file does not record. */
  recording: 'moved' | 'mixed' | 'none';
  /** The shim may take sites (not `--no-shim`). */
  shimAllowed: boolean;
  typescript: boolean;
  /** The file is built for several platforms (Taro, .vue, JSX): a host global may not exist at load. */
  hostMayBeMissing: boolean;
}

type Verdict = { action: 'convert'; play?: PlayOptions; notes: string[] } | { action: 'shim' | 'skip'; reason: string; notOurs?: boolean };

export function decidePlayback(sites: PlaybackSite[], facts: PlaybackFacts): PlaybackDecision[] {
  const players = functionsThatPlay(sites);
  const decisions = sites.map((site) => toDecision(site, verdictFor(site, facts, players), facts));
  keepGroupsOnOnePlayer(decisions, facts);
  return decisions;
}

function toDecision(site: PlaybackSite, verdict: Verdict, facts: PlaybackFacts): PlaybackDecision {
  if (verdict.action === 'convert') return { site, action: 'convert', notes: verdict.notes, ...(verdict.play ? { play: verdict.play } : {}) };
  if (verdict.action === 'shim' && !facts.shimAllowed) return { site, action: 'skip', reason: `${verdict.reason} (the shim is off: --no-shim)`, notes: [NOTES.playbackOfAac] };
  const notes = verdict.notOurs || facts.recording === 'none' ? [] : [verdict.action === 'shim' ? NOTES.oldSilkFilesDoNotPlay : NOTES.playbackOfAac];
  return { site, action: verdict.action, reason: verdict.reason, notes, ...(verdict.notOurs ? { notOurs: true } : {}) };
}

function verdictFor(site: PlaybackSite, facts: PlaybackFacts, players: Set<string>): Verdict {
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
  if (site.host.kind === 'global' && facts.hostMayBeMissing && facts.typescript) {
    // The player would be created under a guard (`typeof wx !== 'undefined' ? ... : null`), which its type does not allow.
    return { action: 'shim', reason: `this TypeScript file is built for several platforms, where a ${site.host.name}.createInnerAudioContext() at load needs a guard its type does not allow` };
  }
  return site.api === 'playVoice' ? playVerdict(site, facts, players) : controlVerdict(site);
}

/** `pauseVoice()` / `stopVoice()`: a plain call whose value nobody reads. */
function controlVerdict(site: PlaybackSite): Verdict {
  const call = site.call!.node;
  if (call.arguments.length > 0) return { action: 'shim', reason: `${site.label} is called with options (its callbacks keep their old answers in the shim)` };
  if (site.usage === 'statement' || isArrowBody(site)) return { action: 'convert', notes: [] };
  return { action: 'shim', reason: `the value ${site.label}() returns is used` };
}

/** `() => wx.stopVoice()`: the arrow returns the call's value, which was always undefined. */
function isArrowBody(site: PlaybackSite): boolean {
  const parent = site.call!.parent?.node;
  return site.usage === 'expression' && parent?.type === 'ArrowFunctionExpression' && parent.body === site.call!.node && !parent.async;
}

const PLAY_KEYS = new Set(['filePath', 'success', 'fail', 'complete']);

function playVerdict(site: PlaybackSite, facts: PlaybackFacts, players: Set<string>): Verdict {
  if (site.usage !== 'statement') {
    return { action: 'shim', reason: `the Promise ${site.label}() returns is used (it settles when playback ends; the shim keeps it)` };
  }
  const args = site.call!.node.arguments;
  if (args.length !== 1 || args[0].type !== 'ObjectExpression') return { action: 'shim', reason: `${site.label} is not called with an object literal of options` };
  const play: PlayOptions = { filePath: null, callbacks: {} };
  for (const property of args[0].properties) {
    const key = !property.computed && (property.key?.type === 'Identifier' ? property.key.name : property.key?.value);
    if (property.type === 'SpreadElement' || !key || !PLAY_KEYS.has(key)) {
      const name = key === 'duration' ? 'duration (the shim stops playback after it)' : key ? `option ${key}` : 'an option this tool cannot read';
      return { action: 'shim', reason: `${site.label} is called with ${name}` };
    }
    if (key === 'filePath') {
      if (property.type !== 'ObjectProperty' || !isRepeatable(property.value)) {
        return { action: 'shim', reason: 'filePath is an expression the new code would have to evaluate twice (src is set only when the file changes)' };
      }
      play.filePath = property.value;
      continue;
    }
    const callback = readCallback(key as CallbackKey, property, facts.typescript, players);
    if ('reason' in callback) return { action: 'shim', reason: callback.reason };
    play.callbacks[key as CallbackKey] = callback;
  }
  if (!play.filePath) return { action: 'shim', reason: `${site.label} is called without filePath` };
  const hasCallbacks = Object.keys(play.callbacks).length > 0;
  const notes = [NOTES.oldSilkFilesDoNotPlay, ...(hasCallbacks ? [NOTES.voiceCallbacksAtEnd] : [NOTES.playVoicePromiseGone])];
  return { action: 'convert', play, notes };
}

/** Callbacks that become listeners as written: they must not read what they are handed. */
function readCallback(key: CallbackKey, property: any, typescript: boolean, players: Set<string>): Callback | { reason: string } {
  const fn = property.type === 'ObjectMethod' ? property : property.value;
  const form: Callback['form'] | null =
    property.type === 'ObjectMethod' ? (property.kind === 'method' ? 'method' : null) : fn.type === 'ArrowFunctionExpression' ? 'arrow' : fn.type === 'FunctionExpression' ? 'function' : null;
  if (!form) return { reason: `the ${key} callback is not written in the call (the shim calls it as the old API did)` };
  if (fn.generator) return { reason: `the ${key} callback is a generator` };
  if (form !== 'arrow' && usesArguments(fn.body)) return { reason: `the ${key} callback reads \`arguments\`` };
  const param = fn.params[0];
  if (fn.params.length > 1 || (param && param.type !== 'Identifier')) return { reason: `the ${key} callback reads its result (the shim hands it the old one)` };
  if (param && findUses(fn.body, param.name).length > 0) return { reason: `the ${key} callback reads its result (the shim hands it the old one)` };
  // complete becomes one function registered for both events: in TypeScript its parameter would need a type for both.
  if (param && key === 'complete' && typescript && !param.typeAnnotation) return { reason: 'the complete callback declares a parameter, which would need a type for both results' };
  if (someNode(fn.body, (n) => playsAgain(n, players))) {
    return { reason: `the ${key} callback plays again (a loop or a playlist), which the shim keeps as the old API ran it` };
  }
  return { key, property, value: fn, form };
}

/**
 * Callbacks that play again, directly (`wx.playVoice` inside) or through a function of the
 * file that does (`complete: () => this.playNext()`): they would change the player's
 * listeners while it calls them, which the shim does not depend on.
 */
function playsAgain(node: any, players: Set<string>): boolean {
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property?.name === 'playVoice') return true;
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return false;
  const callee = node.callee;
  if (callee.type === 'Identifier') return players.has(callee.name);
  return (callee.type === 'MemberExpression' || callee.type === 'OptionalMemberExpression') && !callee.computed && players.has(callee.property?.name);
}

/** Names of the file's functions and methods that contain a playVoice call. */
function functionsThatPlay(sites: PlaybackSite[]): Set<string> {
  const names = new Set<string>();
  for (const site of sites) {
    if (site.api !== 'playVoice') continue;
    for (let p = site.member.parent; p; p = p.parent) {
      const node = p.node;
      if (!/Function|ObjectMethod|ClassMethod/.test(node.type)) continue;
      const parent = p.parent?.node;
      const name =
        node.id?.name ??
        (node.key && !node.computed ? node.key.name ?? node.key.value : null) ??
        (parent?.type === 'VariableDeclarator' && parent.init === node ? parent.id.name : null) ??
        ((parent?.type === 'ObjectProperty' || parent?.type === 'ClassProperty') && parent.value === node && !parent.computed ? parent.key.name ?? parent.key.value : null);
      if (typeof name === 'string') names.add(name);
    }
  }
  return names;
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
      d.notes = facts.recording === 'none' ? [] : [leader.action === 'shim' ? NOTES.oldSilkFilesDoNotPlay : NOTES.playbackOfAac];
      delete d.play;
    }
  }
}

