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

/**
 * The identifiers a binding pattern declares (`a`, `{ a, b: [c] }`, `d = 1`, `...e`), each
 * handed to `each`. False when the pattern holds a node of another kind, whose names are
 * not known here (the others are still handed over).
 */
export function forEachPatternIdentifier(pattern: any, each: (id: any) => void): boolean {
  let known = true;
  const visit = (node: any): void => {
    if (!node) return;
    if (node.type === 'Identifier') each(node);
    else if (node.type === 'ObjectPattern') node.properties.forEach((p: any) => visit(p.type === 'RestElement' ? p.argument : p.value));
    else if (node.type === 'ArrayPattern') node.elements.forEach(visit);
    else if (node.type === 'AssignmentPattern') visit(node.left);
    else if (node.type === 'RestElement') visit(node.argument);
    else known = false;
  };
  visit(pattern);
  return known;
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
