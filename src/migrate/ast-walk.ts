/**
 * A plain walk over babel AST nodes, for the small questions the migration asks about a
 * callback or a scope ("does it read `arguments`?", "which names does it call?"). The
 * visitor returns false to skip a node's children.
 */
export function walkNodes(root: any, visit: (node: any) => boolean | void): void {
  const walk = (node: any) => {
    if (!node || typeof node.type !== 'string') return;
    if (visit(node) === false) return;
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'comments' || key.endsWith('Comments')) continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach(walk);
      else if (child && typeof child.type === 'string') walk(child);
    }
  };
  walk(root);
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
