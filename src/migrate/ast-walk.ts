import { forEachChild } from './node-index';

/**
 * A plain walk over babel AST nodes, for the small questions the migration asks about a
 * callback or a scope ("does it read `arguments`?", "which names does it call?"). The
 * visitor returns false to skip a node's children.
 */
export function walkNodes(root: any, visit: (node: any) => boolean | void): void {
  // Children by Babel's VISITOR_KEYS, as the node index walks them (node-index.ts; its
  // test checks that they reach every node a walk over all properties reaches).
  const walk = (node: any): void => {
    if (typeof node.type === 'string' && visit(node) !== false) forEachChild(node, walk);
  };
  if (root && typeof root.type === 'string') walk(root);
}

/** True when `predicate` holds for some node under `root` (root included). */
export function someNode(root: any, predicate: (node: any) => boolean, skip?: (node: any) => boolean): boolean {
  let found = false;
  walkNodes(root, (node) => {
    if (found) return false;
    if (predicate(node)) {
      found = true;
      return false;
    }
    return !(skip && node !== root && skip(node));
  });
  return found;
}
