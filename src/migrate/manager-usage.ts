import type { Collection, JSCodeshift } from 'jscodeshift';
import type { FileFacts } from './decide';
import { ExistingManager, mentionsProperty } from './manager';
import { NodeIndex } from './node-index';

/**
 * How a half-migrated file already uses the recorder manager: the listeners it registers
 * and the `start()` calls it makes. Decisions depend on both: a converted start replaces
 * the listeners a file registered once, and a legacy stop next to a manager start() now
 * stops that recording.
 */
/** Listener registrations already in the file: `m.onStop(...)` on a manager binding or call. */
export function findExistingListeners(
  j: JSCodeshift,
  root: Collection<any>,
  index: NodeIndex,
  managers: ExistingManager[],
  isManagerCall: (node: any, path: any) => string | null,
): FileFacts['existingListeners'] {
  const found: FileFacts['existingListeners'] = [];
  if (!mentionsProperty(index, 'onStop') && !mentionsProperty(index, 'onError')) return found;
  root.find(j.CallExpression).forEach((p) => {
    const callee: any = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed) return;
    const event = callee.property.name;
    if (event !== 'onStop' && event !== 'onError') return;
    const group = managerGroupOf(callee.object, p, managers, isManagerCall);
    if (group) found.push({ group, line: p.node.loc!.start.line, event, once: !isRightBeforeStart(p) });
  });
  return found;
}

/** `manager.start(...)` calls already in the file (half-migrated pages), other than our own pattern. */
export function findManagerStarts(
  j: JSCodeshift,
  root: Collection<any>,
  index: NodeIndex,
  managers: ExistingManager[],
  isManagerCall: (node: any, path: any) => string | null,
): FileFacts['managerStarts'] {
  const found: FileFacts['managerStarts'] = [];
  if (!mentionsProperty(index, 'start')) return found;
  root.find(j.CallExpression).forEach((p) => {
    const callee: any = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.name !== 'start') return;
    const group = managerGroupOf(callee.object, p, managers, isManagerCall);
    if (group) found.push({ group, line: p.node.loc!.start.line });
  });
  return found;
}

/** The host group of the manager `object` stands for: a binding, `this.recorderManager`, or `wx.getRecorderManager()`. */
function managerGroupOf(object: any, path: any, managers: ExistingManager[], isManagerCall: (node: any, path: any) => string | null): string | null {
  if (object.type === 'Identifier') return managers.find((m) => m.kind !== 'this-member' && m.name === object.name)?.group ?? null;
  if (object.type === 'MemberExpression' && object.object.type === 'ThisExpression' && !object.computed) {
    return managers.find((m) => m.kind === 'this-member' && m.name === `this.${object.property.name}`)?.group ?? null;
  }
  return isManagerCall(object, path);
}

/**
 * `m.onStop(cb); m.start()` in one block is the call-site pattern our own output uses: each
 * start registers its listeners, so it does not conflict with a converted site. A listener
 * registered once elsewhere (in onLoad, in useEffect) does.
 */
function isRightBeforeStart(registration: any): boolean {
  const statement = registration.parent;
  const list = statement?.parent?.node;
  if (statement?.node.type !== 'ExpressionStatement' || !list || !Array.isArray(list.body)) return false;
  const index = list.body.indexOf(statement.node);
  return list.body.slice(index + 1).some((next: any) => {
    const call = next.type === 'ExpressionStatement' ? next.expression : null;
    return call?.type === 'CallExpression' && call.callee.type === 'MemberExpression' && call.callee.property.name === 'start';
  });
}
