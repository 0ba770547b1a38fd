/**
 * Every node of a file by type, from one plain walk. Most questions the migration asks
 * ("is there a wx.config?", "which names does the file use?") need no scope, and asking
 * each of them with jscodeshift's `find` walked the whole tree with NodePaths again and
 * again: the index answers them from one pass. Questions that need scope still use paths.
 */
export class NodeIndex {
  private readonly byType = new Map<string, any[]>();
  private readonly parents = new WeakMap<object, any>();

  constructor(root: any) {
    const visit = (node: any, parent: any) => {
      if (!node || typeof node.type !== 'string') return;
      if (parent) this.parents.set(node, parent);
      let list = this.byType.get(node.type);
      if (!list) this.byType.set(node.type, (list = []));
      list.push(node);
      for (const key of Object.keys(node)) {
        if (key === 'loc' || key === 'comments' || key === 'tokens' || key.endsWith('Comments')) continue;
        const child = node[key];
        if (Array.isArray(child)) {
          for (const c of child) visit(c, node);
        } else if (child && typeof child.type === 'string') {
          visit(child, node);
        }
      }
    };
    visit(root, null);
  }

  /** Nodes of these exact types (no subtypes: name each one), in source order. */
  of(...types: string[]): any[] {
    if (types.length === 1) return this.byType.get(types[0]) ?? [];
    return types.flatMap((t) => this.byType.get(t) ?? []).sort((a, b) => a.start - b.start);
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
