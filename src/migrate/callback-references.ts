import type { ASTPath } from 'jscodeshift';

/**
 * A callback passed by name (`success: onDone`, `success: this.onRecordDone`,
 * `success: this.onRecordDone.bind(this)`): the function it names, found in the file, so
 * that what it reads from its argument can be checked like an inline callback. The
 * reference itself moves unchanged, so it is evaluated at the same moment with the same
 * `this` as before.
 */
export type Resolved = { fn: any } | { reason: string };

export function resolveCallbackReference(value: any, call: ASTPath<any>): Resolved | null {
  if (value.type === 'Identifier') return resolveIdentifier(value.name, call);
  const member = unbind(value);
  if (member?.type === 'MemberExpression' && member.object.type === 'ThisExpression' && !member.computed) {
    return resolveThisMember(member.property.name, call);
  }
  return null;
}

/** `this.x.bind(this)` -> `this.x`; `this.x` as is. */
function unbind(value: any): any {
  if (
    value.type === 'CallExpression' &&
    value.callee.type === 'MemberExpression' &&
    !value.callee.computed &&
    value.callee.property.name === 'bind' &&
    value.arguments.length === 1 &&
    value.arguments[0].type === 'ThisExpression'
  ) {
    return value.callee.object;
  }
  return value;
}

function resolveIdentifier(name: string, call: ASTPath<any>): Resolved {
  const scope = call.scope?.lookup(name);
  if (!scope) return { reason: `the callback ${name} is not defined in this file` };
  const bindings: ASTPath<any>[] = scope.getBindings()[name] ?? [];
  if (bindings.length !== 1) return { reason: `the callback ${name} is declared more than once` };
  const declarationPath = bindings[0].parent;
  const declaration = declarationPath?.node;
  if (declaration?.type === 'FunctionDeclaration') return { fn: declaration };
  if (declaration?.type === 'VariableDeclarator' && isFunction(declaration.init)) {
    if (declarationPath.parent?.node.kind !== 'const') return { reason: `the callback ${name} is a variable that may be reassigned` };
    return { fn: declaration.init };
  }
  return { reason: `the callback ${name} is not a function declared in this file` };
}

/** `this.x` inside a method of a `Page({...})`/object literal or a class: the method `x`. */
function resolveThisMember(name: string, call: ASTPath<any>): Resolved {
  let p: ASTPath<any> | null = call.parent;
  // Arrow functions see the `this` of the function around them.
  while (p && !(isFunction(p.node) && p.node.type !== 'ArrowFunctionExpression')) p = p.parent;
  if (!p) return { reason: `this.${name} is used outside a method` };
  const method = p.node.type === 'ObjectMethod' || p.node.type === 'ClassMethod' ? p : p.parent;
  const container = method?.parent?.node;
  const members: any[] = container?.type === 'ObjectExpression' ? container.properties : container?.type === 'ClassBody' ? container.body : [];
  const found = members.filter((m) => m.key?.type === 'Identifier' && m.key.name === name && !m.computed);
  if (found.length !== 1) return { reason: `this.${name} is not a method of the same object or class` };
  const member = found[0];
  if (member.type === 'ObjectMethod' || member.type === 'ClassMethod') {
    return member.kind === 'method' ? { fn: member } : { reason: `this.${name} is a getter or setter` };
  }
  if ((member.type === 'ObjectProperty' || member.type === 'ClassProperty') && isFunction(member.value)) return { fn: member.value };
  return { reason: `this.${name} is not a function written in this file` };
}

function isFunction(node: any): boolean {
  return node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression' || node?.type === 'ObjectMethod' || node?.type === 'ClassMethod' || node?.type === 'FunctionDeclaration';
}
