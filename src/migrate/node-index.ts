/**
 * Every node of a file by type, from one plain walk. Most questions the migration asks
 * ("is there a wx.config?", "which names does the file use?") need no scope, and asking
 * each of them with jscodeshift's `find` walked the whole tree with NodePaths again and
 * again: the index answers them from one pass. Questions that need scope still use paths.
 *
 * The walk records no parents: the few nodes whose ancestors are asked for (call sites,
 * some declarations) find them by descending from the root along the child whose range
 * holds them, which costs far less than a parent entry for every node of every file.
 */
import { VISITOR_KEYS } from '@babel/types';

const SKIPPED_KEYS = new Set(['loc', 'extra', 'comments', 'tokens', 'leadingComments', 'trailingComments', 'innerComments']);

/**
 * Babel's own list of each node type's child keys, in source order. Walking those keys
 * is three to four times faster than enumerating every property of every node (the walk
 * was a fifth of a migration's time); a type the list does not know (a newer parser) is
 * walked the slow, generic way. test/node-index.test.ts proves both walks see the same
 * nodes on every fixture and corpus file.
 */
const CHILD_KEYS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(VISITOR_KEYS));

/** Calls `each(child, key, index)` for every child node of `node` (index -1 outside arrays), in key order. */
export function forEachChild(node: any, each: (child: any, key: string, index: number) => boolean | void): boolean {
  const keys = CHILD_KEYS.get(node.type);
  if (keys === undefined) return forEachChildGeneric(node, each);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const child = node[key];
    if (child === null || child === undefined) continue;
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const c = child[i];
        if (c !== null && c !== undefined && each(c, key, i) === true) return true;
      }
    } else if (each(child, key, -1) === true) {
      return true;
    }
  }
  return false;
}

/** Every property that holds a node: what the walk did before it knew the keys. */
export function forEachChildGeneric(node: any, each: (child: any, key: string, index: number) => boolean | void): boolean {
  for (const key in node) {
    const child = node[key];
    // Only objects can be child nodes; positions and babel's bookkeeping are not.
    if (child === null || typeof child !== 'object' || SKIPPED_KEYS.has(key)) continue;
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const c = child[i];
        if (c !== null && typeof c === 'object' && typeof c.type === 'string' && each(c, key, i) === true) return true;
      }
    } else if (typeof child.type === 'string' && each(child, key, -1) === true) {
      return true;
    }
  }
  return false;
}

export class NodeIndex {
  private readonly byType = new Map<string, any[]>();

  constructor(private readonly root: any) {
    const visit = (node: any): void => {
      const list = this.byType.get(node.type);
      if (list) list.push(node);
      else this.byType.set(node.type, [node]);
      forEachChild(node, visit);
    };
    if (root && typeof root.type === 'string') visit(root);
  }

  private readonly combined = new Map<string, any[]>();

  /** Nodes of these exact types (no subtypes: name each one), in source order. */
  of(...types: string[]): any[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    const key = types.join(',');
    let list = this.combined.get(key);
    if (!list) {
      const lists = types.map((t) => this.byType.get(t)).filter((l): l is any[] => l !== undefined);
      // One non-empty list is already in source order (the walk goes in source order within
      // a type); only a mix of types needs sorting.
      list = lists.length === 1 ? lists[0] : lists.flat().sort((a, b) => a.start - b.start);
      this.combined.set(key, list);
    }
    return list;
  }

  parentOf(node: any): any | undefined {
    const chain = this.chainTo(node);
    return chain && chain.length >= 2 ? chain[chain.length - 2].node : undefined;
  }

  /**
   * The jscodeshift NodePath of `node` (for scope questions), built by walking down from
   * the file's path along the node's ancestors: cheap, where a `find` walks everything.
   */
  pathTo(rootPath: any, node: any): any {
    const chain = this.chainTo(node, rootPath.node);
    if (!chain) throw new Error('internal: node not found under its parent');
    let path = rootPath;
    for (const step of chain.slice(1)) path = step.index === -1 ? path.get(step.key) : path.get(step.key, step.index);
    return path;
  }

  /**
   * From `from` (the root by default) down to `node`: each step is a node and the key (and
   * index, or -1) it sits at in its parent. Descends only into children whose range holds
   * the node's, backtracking where ranges touch (empty nodes at a boundary). A parameter's
   * decorators lie outside the parameter's range (`m(@d(x) a)`): a node found nowhere that
   * way is looked for everywhere.
   */
  private chainTo(node: any, from: any = this.root): Array<{ node: any; key: string; index: number }> | null {
    const chain: Array<{ node: any; key: string; index: number }> = [{ node: from, key: '', index: -1 }];
    const byRange = (c: any) => c === node || (c.start <= node.start && c.end >= node.end);
    const descend = (current: any, holds: (c: any) => boolean): boolean =>
      current === node ||
      forEachChild(current, (child, key, index) => {
        if (!holds(child)) return false;
        chain.push({ node: child, key, index });
        if (descend(child, holds)) return true;
        chain.pop();
        return false;
      });
    return descend(from, byRange) || descend(from, () => true) ? chain : null;
  }
}
