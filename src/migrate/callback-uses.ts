import { someNode } from './ast-walk';

/**
 * Small AST readers for callbacks: where a callback uses its parameter, whether it reads
 * `arguments`, whether a value goes straight to `console`. Shared by the start and the
 * stop analyses.
 */
export interface Use {
  node: any;
  /** Parent first, then its parent, and so on up to the callback body. */
  ancestors: any[];
}

/**
 * References to `name` inside `body` that mean the callback's parameter: a nested function
 * that declares its own `name` (parameter or variable) hides it.
 */
export function findUses(body: any, name: string): Use[] {
  const uses: Use[] = [];
  const walk = (node: any, ancestors: any[], hidden: boolean) => {
    if (!node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier' && node.name === name && !hidden && isReference(node, ancestors[0])) {
      uses.push({ node, ancestors });
      return;
    }
    const isFunction = /Function|ObjectMethod|ClassMethod/.test(node.type) && node !== body;
    const hides = hidden || (isFunction && declaresName(node, name));
    const inner = [node, ...ancestors];
    for (const key of Object.keys(node)) {
      if (key === 'loc' || key === 'start' || key === 'end' || key === 'comments' || key.endsWith('Comments')) continue;
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => walk(c, inner, hides));
      else if (child && typeof child.type === 'string') walk(child, inner, hides);
    }
  };
  walk(body, [], false);
  return uses;
}

function isReference(node: any, parent: any): boolean {
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && parent.property === node && !parent.computed) return false;
  if ((parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.key === node && !parent.computed) {
    return parent.shorthand === true;
  }
  if (parent.type === 'ObjectMethod' && parent.key === node) return false;
  return true;
}

function declaresName(fn: any, name: string): boolean {
  const text = JSON.stringify(fn.params, (k, v) => (k === 'loc' ? undefined : v));
  if (text.includes(`"name":"${name}"`)) return true;
  return findDeclarations(fn.body, name);
}

function findDeclarations(node: any, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'VariableDeclarator' && JSON.stringify(node.id, (k, v) => (k === 'loc' ? undefined : v)).includes(`"name":"${name}"`)) return true;
  if (node.type === 'FunctionDeclaration' && node.id?.name === name) return true;
  for (const key of Object.keys(node)) {
    if (key === 'loc') continue;
    const child = node[key];
    if (Array.isArray(child)) {
      if (child.some((c) => findDeclarations(c, name))) return true;
    } else if (child && typeof child === 'object' && typeof child.type === 'string' && findDeclarations(child, name)) {
      return true;
    }
  }
  return false;
}

export function isConsoleArgument(node: any, call: any): boolean {
  return (
    call?.type === 'CallExpression' &&
    call.arguments.includes(node) &&
    call.callee.type === 'MemberExpression' &&
    call.callee.object.type === 'Identifier' &&
    call.callee.object.name === 'console'
  );
}

/** `arguments` inside a non-arrow function (nested non-arrow functions have their own). */
export function usesArguments(body: any): boolean {
  return someNode(
    body,
    (n) => n.type === 'Identifier' && n.name === 'arguments',
    (n) => ['FunctionExpression', 'FunctionDeclaration', 'ObjectMethod', 'ClassMethod'].includes(n.type),
  );
}
