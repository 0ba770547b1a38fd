import type { Collection, JSCodeshift } from 'jscodeshift';

/**
 * The WeChat JS-SDK for web pages has its own `wx.startRecord`/`wx.stopRecord` with other
 * semantics (SPEC §3). A file showing any strong sign of being JS-SDK code keeps its `wx`
 * calls untouched. This module only finds the evidence; the caller decides what to skip.
 */
export interface JsSdkEvidence {
  /** A short description for the report, e.g. "wx.config found at line 3". */
  sign: string;
  line: number;
}

const SDK_PACKAGES = /(^|\/)(jweixin|weixin-js-sdk|jweixin-module|weixin-jsapi)([-.\d]*(\.js)?)?$|^@wecom\/jssdk/;
const SDK_ONLY_WX_METHODS = new Set([
  'config', 'ready', 'error', 'checkJsApi', 'onVoiceRecordEnd', 'uploadVoice', 'downloadVoice', 'translateVoice',
  'onVoicePlayEnd', 'updateAppMessageShareData', 'updateTimelineShareData', 'chooseWXPay',
]);
const SDK_ONLY_NAMES = new Set(['jsApiList', 'localId', 'serverId', 'WeixinJSBridge']);
const MINI_PROGRAM_ENTRY_CALLS = new Set(['Page', 'Component', 'App', 'getApp']);

export function findJsSdkEvidence(j: JSCodeshift, root: Collection<any>): JsSdkEvidence | null {
  const strong = findStrongSign(j, root);
  if (strong) return strong;
  if (hasMiniProgramSign(j, root)) return null;
  return findWeakSign(j, root);
}

function at(node: any, sign: string): JsSdkEvidence {
  return { sign: `${sign} found at line ${node.loc?.start.line ?? '?'}`, line: node.loc?.start.line ?? 0 };
}

function findStrongSign(j: JSCodeshift, root: Collection<any>): JsSdkEvidence | null {
  let found: JsSdkEvidence | null = null;
  const first = (e: JsSdkEvidence) => {
    if (!found || e.line < found.line) found = e;
  };

  root.find(j.ImportDeclaration).forEach((p) => {
    const source = String(p.node.source.value);
    if (SDK_PACKAGES.test(source)) first(at(p.node, `import of '${source}'`));
  });
  root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((p) => {
    const arg: any = p.node.arguments[0];
    if (arg && typeof arg.value === 'string' && SDK_PACKAGES.test(arg.value)) first(at(p.node, `require('${arg.value}')`));
  });
  root.find(j.MemberExpression).forEach((p) => {
    const { object, property, computed } = p.node as any;
    if (computed || property.type !== 'Identifier') return;
    if (object.type === 'Identifier' && object.name === 'wx' && SDK_ONLY_WX_METHODS.has(property.name)) {
      first(at(p.node, `wx.${property.name}`));
    }
    if (object.type === 'Identifier' && object.name === 'window' && property.name === 'wx') first(at(p.node, 'window.wx'));
  });
  root.find(j.Identifier).forEach((p) => {
    if (SDK_ONLY_NAMES.has(p.node.name)) first(at(p.node, p.node.name));
  });
  // `const { wx } = window`: the page takes its wx from the browser's window.
  root.find(j.VariableDeclarator, { init: { type: 'Identifier', name: 'window' } }).forEach((p) => {
    const id: any = p.node.id;
    if (id.type === 'ObjectPattern' && id.properties.some((prop: any) => prop.key?.name === 'wx')) {
      first(at(p.node, 'wx taken from window'));
    }
  });
  // A `cancel` option only exists on the JS-SDK's startRecord.
  root.find(j.CallExpression).forEach((p) => {
    const callee: any = p.node.callee;
    if (callee.type !== 'MemberExpression' || callee.property?.name !== 'startRecord') return;
    const options: any = p.node.arguments[0];
    if (options?.type === 'ObjectExpression' && options.properties.some((prop: any) => prop.key?.name === 'cancel')) {
      first(at(options, 'a cancel: option on startRecord'));
    }
  });
  return found;
}

function hasMiniProgramSign(j: JSCodeshift, root: Collection<any>): boolean {
  const entryCall = root
    .find(j.CallExpression)
    .some((p) => p.node.callee.type === 'Identifier' && MINI_PROGRAM_ENTRY_CALLS.has(p.node.callee.name));
  if (entryCall) return true;
  const taro = root.find(j.ImportDeclaration).some((p) => String(p.node.source.value).startsWith('@tarojs/'));
  return taro || root.find(j.Identifier, { name: 'Taro' }).size() > 0;
}

/** DOM, jQuery and alert() only count when nothing says "mini program". */
function findWeakSign(j: JSCodeshift, root: Collection<any>): JsSdkEvidence | null {
  let found: JsSdkEvidence | null = null;
  root.find(j.MemberExpression).forEach((p) => {
    const object: any = p.node.object;
    if (!found && object.type === 'Identifier' && (object.name === 'document' || object.name === 'window')) {
      found = at(p.node, `browser global ${object.name}`);
    }
  });
  if (found) return found;
  root.find(j.CallExpression).forEach((p) => {
    const callee: any = p.node.callee;
    if (!found && callee.type === 'Identifier' && ['$', 'jQuery', 'alert'].includes(callee.name)) {
      found = at(p.node, `${callee.name}()`);
    }
  });
  return found;
}
