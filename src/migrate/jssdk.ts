import { NodeIndex } from './node-index';

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
/** `wx.` members that exist only in the JS-SDK (called or referenced); mini programs have none of them. */
const SDK_ONLY_WX_METHODS = new Set([
  'config', 'ready', 'error', 'checkJsApi', 'onVoiceRecordEnd', 'uploadVoice', 'downloadVoice', 'translateVoice',
  'onVoicePlayEnd', 'updateAppMessageShareData', 'updateTimelineShareData', 'chooseWXPay',
  'onMenuShareAppMessage', 'onMenuShareTimeline', 'onMenuShareQQ', 'onMenuShareWeibo', 'onMenuShareQZone',
  'scanQRCode', 'getLocalImgData', 'uploadImage', 'downloadImage', 'hideOptionMenu', 'showOptionMenu',
  'hideMenuItems', 'showMenuItems', 'hideAllNonBaseMenuItem', 'showAllNonBaseMenuItem', 'closeWindow',
  'miniProgram', 'openProductSpecificView', 'addCard', 'chooseCard', 'openCard', 'openEnterpriseChat',
]);
const SDK_ONLY_NAMES = new Set(['jsApiList', 'localId', 'serverId', 'WeixinJSBridge']);
const MINI_PROGRAM_ENTRY_CALLS = new Set(['Page', 'Component', 'App', 'getApp']);

export function findJsSdkEvidence(index: NodeIndex): JsSdkEvidence | null {
  const strong = findStrongSign(index);
  if (strong) return strong;
  if (hasMiniProgramSign(index)) return null;
  return findWeakSign(index);
}

function at(node: any, sign: string): JsSdkEvidence {
  return { sign: `${sign} found at line ${node.loc?.start.line ?? '?'}`, line: node.loc?.start.line ?? 0 };
}

function findStrongSign(index: NodeIndex): JsSdkEvidence | null {
  let found: JsSdkEvidence | null = null;
  const first = (e: JsSdkEvidence) => {
    if (!found || e.line < found.line) found = e;
  };

  for (const node of index.of('ImportDeclaration')) {
    const source = String(node.source.value);
    if (SDK_PACKAGES.test(source)) first(at(node, `import of '${source}'`));
  }
  for (const node of index.of('CallExpression')) {
    const callee = node.callee;
    if (callee.type === 'Identifier' && callee.name === 'require') {
      const arg: any = node.arguments[0];
      if (arg && typeof arg.value === 'string' && SDK_PACKAGES.test(arg.value)) first(at(node, `require('${arg.value}')`));
    }
    // A `cancel` option only exists on the JS-SDK's startRecord.
    if (callee.type === 'MemberExpression' && callee.property?.name === 'startRecord') {
      const options: any = node.arguments[0];
      if (options?.type === 'ObjectExpression' && options.properties.some((prop: any) => prop.key?.name === 'cancel')) {
        first(at(options, 'a cancel: option on startRecord'));
      }
    }
  }
  for (const node of index.of('MemberExpression')) {
    const { object, property, computed } = node;
    if (computed || property.type !== 'Identifier' || object.type !== 'Identifier') continue;
    if (object.name === 'wx' && SDK_ONLY_WX_METHODS.has(property.name)) first(at(node, `wx.${property.name}`));
    if (object.name === 'window' && property.name === 'wx') first(at(node, 'window.wx'));
  }
  for (const node of index.of('Identifier')) {
    if (SDK_ONLY_NAMES.has(node.name)) first(at(node, node.name));
  }
  // `const { wx } = window`: the page takes its wx from the browser's window.
  for (const node of index.of('VariableDeclarator')) {
    if (node.init?.type !== 'Identifier' || node.init.name !== 'window' || node.id.type !== 'ObjectPattern') continue;
    if (node.id.properties.some((prop: any) => prop.key?.name === 'wx')) first(at(node, 'wx taken from window'));
  }
  return found;
}

function hasMiniProgramSign(index: NodeIndex): boolean {
  const entryCall = index.of('CallExpression').some((n) => n.callee.type === 'Identifier' && MINI_PROGRAM_ENTRY_CALLS.has(n.callee.name));
  if (entryCall) return true;
  const taro = index.of('ImportDeclaration').some((n) => String(n.source.value).startsWith('@tarojs/'));
  return taro || index.of('Identifier').some((n) => n.name === 'Taro');
}

/** Browser globals (and Alipay H5's `ap`): a page that uses them runs in a browser. */
const BROWSER_GLOBALS = new Set(['document', 'window', 'navigator', 'location', 'localStorage', 'sessionStorage', 'ap']);

/** DOM, browser globals, jQuery and alert() only count when nothing says "mini program". */
function findWeakSign(index: NodeIndex): JsSdkEvidence | null {
  for (const node of index.of('MemberExpression')) {
    const object: any = node.object;
    if (object.type === 'Identifier' && BROWSER_GLOBALS.has(object.name)) {
      return at(node, `browser global ${object.name}`);
    }
  }
  for (const node of index.of('CallExpression')) {
    const callee: any = node.callee;
    if (callee.type === 'Identifier' && ['$', 'jQuery', 'alert'].includes(callee.name)) return at(node, `${callee.name}()`);
  }
  return null;
}
