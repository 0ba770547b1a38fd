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
  rootPath: any,
  index: NodeIndex,
  managers: ExistingManager[],
  isManagerCall: (node: any, path: any) => string | null,
): FileFacts['existingListeners'] {
  const found: FileFacts['existingListeners'] = [];
  for (const { node, path } of managerMethodCalls(rootPath, index, ['onStop', 'onError'])) {
    const group = managerGroupOf(node.callee.object, path, managers, isManagerCall);
    if (group) found.push({ group, line: node.loc!.start.line, event: node.callee.property.name, once: !isRightBeforeStart(path) });
  }
  return found;
}

/**
 * `x.method(...)` calls for the given method names, with their paths: built from the
 * index for those calls alone (a `find` over the whole tree, with a NodePath for every
 * node, was the cost of a file where `start` is a common name).
 */
function managerMethodCalls(rootPath: any, index: NodeIndex, methods: string[]): Array<{ node: any; path: any }> {
  if (!methods.some((m) => mentionsProperty(index, m))) return [];
  return index
    .of('CallExpression')
    .filter((node) => node.callee.type === 'MemberExpression' && !node.callee.computed && methods.includes(node.callee.property?.name))
    .map((node) => ({ node, path: index.pathTo(rootPath, node) }));
}

/** `manager.start(...)` calls already in the file (half-migrated pages), other than our own pattern. */
export function findManagerStarts(
  rootPath: any,
  index: NodeIndex,
  managers: ExistingManager[],
  isManagerCall: (node: any, path: any) => string | null,
): FileFacts['managerStarts'] {
  const found: FileFacts['managerStarts'] = [];
  for (const { node, path } of managerMethodCalls(rootPath, index, ['start'])) {
    const group = managerGroupOf(node.callee.object, path, managers, isManagerCall);
    if (group) found.push({ group, line: node.loc!.start.line });
  }
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
