/**
 * Every node of a file by type, from one plain walk. Most questions the migration asks
 * ("is there a wx.config?", "which names does the file use?") need no scope, and asking
 * each of them with jscodeshift's `find` walked the whole tree with NodePaths again and
 * again: the index answers them from one pass. Questions that need scope still use paths.
 */
const SKIPPED_KEYS = new Set(['loc', 'extra', 'comments', 'tokens', 'leadingComments', 'trailingComments', 'innerComments']);

export class NodeIndex {
  private readonly byType = new Map<string, any[]>();
  private readonly parents = new WeakMap<object, any>();

  constructor(root: any) {
    const visit = (node: any, parent: any) => {
      if (parent) this.parents.set(node, parent);
      const list = this.byType.get(node.type);
      if (list) list.push(node);
      else this.byType.set(node.type, [node]);
      for (const key in node) {
        const child = node[key];
        // Only objects can be child nodes; positions and babel's bookkeeping are not.
        if (child === null || typeof child !== 'object' || SKIPPED_KEYS.has(key)) continue;
        if (Array.isArray(child)) {
          for (let i = 0; i < child.length; i++) {
            const c = child[i];
            if (c !== null && typeof c === 'object' && typeof c.type === 'string') visit(c, node);
          }
        } else if (typeof child.type === 'string') {
          visit(child, node);
        }
      }
    };
    if (root && typeof root.type === 'string') visit(root, null);
  }

  private readonly combined = new Map<string, any[]>();

  /** Nodes of these exact types (no subtypes: name each one), in source order. */
  of(...types: string[]): any[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    const key = types.join(',');
    let list = this.combined.get(key);
    if (!list) {
      list = types.flatMap((t) => this.byType.get(t) ?? []).sort((a, b) => a.start - b.start);
      this.combined.set(key, list);
    }
    return list;
  }

  parentOf(node: any): any | undefined {
    return this.parents.get(node);
  }

  /**
   * The jscodeshift NodePath of `node` (for scope questions), built by walking down from
   * the file's path along the node's ancestors: cheap, where a `find` walks everything.
   */
  pathTo(rootPath: any, node: any): any {
    const chain: any[] = [];
    for (let n = node; n && n !== rootPath.node; n = this.parents.get(n)) chain.unshift(n);
    let path = rootPath;
    for (const child of chain) {
      const parent = path.node;
      const key = Object.keys(parent).find((k) => parent[k] === child || (Array.isArray(parent[k]) && parent[k].includes(child)));
      if (key === undefined) throw new Error('internal: node not found under its parent');
      const value = parent[key];
      path = Array.isArray(value) ? path.get(key, value.indexOf(child)) : path.get(key);
    }
    return path;
  }
}
