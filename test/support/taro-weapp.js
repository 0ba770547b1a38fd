'use strict';
// Builds Taro's own API object for a weapp build over a given `wx`, the way a Taro weapp
// app does at start-up: @tarojs/api's Taro object, completed by
// @tarojs/plugin-platform-weapp's `initNativeApi` (@tarojs/shared's `processApis`).
//
// Taro publishes these as ES modules (jest compiles them, see jest.config.js) that expect
// its bundler's build-time constants: those, and the mini-program globals Taro reads, are
// defined first.
for (const flag of [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
  'ENABLE_MUTATION_OBSERVER',
]) {
  if (!(flag in globalThis)) globalThis[flag] = true;
}
globalThis.getCurrentPages = globalThis.getCurrentPages || (() => []);
globalThis.getApp = globalThis.getApp || (() => ({}));

const api = require('@tarojs/api');
const taroApi = api.default || api;
const { initNativeApi } = require('@tarojs/plugin-platform-weapp/dist/runtime-utils.js');

/** A fresh Taro object per host: the API object processApis fills in is per `wx`. */
module.exports = function createWeappTaro(platformWx) {
  const taro = Object.assign({}, taroApi, { options: Object.assign({}, taroApi.options) });
  const previous = globalThis.wx;
  globalThis.wx = platformWx;
  try {
    initNativeApi(taro);
  } finally {
    globalThis.wx = previous;
  }
  taro.default = taro;
  return taro;
};
