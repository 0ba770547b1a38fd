#!/usr/bin/env node
'use strict';
// Writes a mini-program / Taro project of N source files for the benchmark: native pages
// and components, Taro class and hook components in JS/TS/TSX, utilities and services,
// ten to a folder, with sizes spread like real projects' (most 1-6 KB, a few 20-40 KB).
// A given share of the files records audio through the legacy API, half of them in the
// native style (`wx.startRecord` in a Page) and half in the Taro style
// (`Taro.startRecord` in a hook component). The output is the same for the same seed.
//
//   node bench/generate-tree.js --files 20000 --legacy 0.01 --out /tmp/tree [--seed 1] [--method-scale 1]

const fs = require('fs');
const path = require('path');

/** mulberry32: a tiny seeded generator, so that two runs build the same tree. */
function randomFrom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['order', 'user', 'cart', 'voice', 'memo', 'shop', 'coupon', 'address', 'profile', 'message', 'search', 'detail',
  'comment', 'share', 'payment', 'invoice', 'course', 'lesson', 'chat', 'friend', 'album', 'ticket', 'notice', 'setting'];

function makeGenerator(random, methodScale = 1) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const word = () => pick(WORDS);
  const cap = (s) => s[0].toUpperCase() + s.slice(1);
  /** Log-normal method counts: most files small, a long tail of big ones (all scaled by `methodScale`). */
  const methodCount = () =>
    Math.max(1, Math.min(Math.round(120 * methodScale), Math.round(methodScale * Math.exp(1.3 + random() * 1.1 + (random() < 0.03 ? 1.6 : 0)))));

  const nativeMethod = (name) => `  ${name}: function (e) {
    var that = this
    var id = e && e.currentTarget ? e.currentTarget.dataset.id : this.data.${word()}Id
    wx.showLoading({ title: '加载中' })
    wx.request({
      url: app.globalData.baseUrl + '/api/${word()}/' + id,
      method: 'GET',
      data: { page: that.data.page, size: 20 },
      success: function (res) {
        if (res.statusCode === 200 && res.data.code === 0) {
          that.setData({ list: that.data.list.concat(res.data.data), page: that.data.page + 1 })
        } else {
          wx.showToast({ title: res.data.msg || '请求失败', icon: 'none' })
        }
      },
      fail: function (err) {
        console.error('${name} failed', err)
      },
      complete: function () {
        wx.hideLoading()
      }
    })
  },
`;

  const hookHandler = (name, ts) => `  const ${name} = useCallback(async (${ts ? 'id: string' : 'id'}) => {
    setLoading(true)
    try {
      const res = await Taro.request({ url: \`\${BASE_URL}/api/${word()}/\${id}\`, method: 'GET' })
      if (res.statusCode === 200) {
        setItems((prev) => prev.concat(res.data.list))
      } else {
        Taro.showToast({ title: '请求失败', icon: 'none' })
      }
    } finally {
      setLoading(false)
    }
  }, [])
`;

  const utilFunction = (name, ts) => `export function ${name}(${ts ? 'input: Record<string, unknown>, fallback = 0' : 'input, fallback = 0'})${ts ? ': number' : ''} {
  // Normalises the ${word()} payload the server sends before the page renders it.
  const keys = Object.keys(input || {})
  let total = fallback
  for (const key of keys) {
    const value = input[key]
    if (typeof value === 'number' && !Number.isNaN(value)) total += value
    else if (typeof value === 'string' && /^\\d+$/.test(value)) total += Number(value)
  }
  return Math.round(total * 100) / 100
}

`;

  function nativePage(legacy) {
    const names = Array.from({ length: methodCount() }, (_, i) => `on${cap(word())}${i}`);
    const recording = legacy
      ? `  onPressStart: function () {
    var that = this
    that.setData({ recording: true })
    wx.startRecord({
      success: function (res) {
        that.setData({ recording: false, lastMemo: res.tempFilePath })
        that.upload(res.tempFilePath)
      },
      fail: function (err) {
        that.setData({ recording: false })
        console.error('record failed', err)
      }
    })
  },

  onPressEnd: function () {
    wx.stopRecord()
  },

`
      : '';
    return `var app = getApp()
var util = require('../../utils/util.js')

Page({
  data: {
    list: [],
    page: 1,
    recording: false,
    ${word()}Id: ''
  },

  onLoad: function (options) {
    this.setData({ ${word()}Id: options.id || '' })
  },

${recording}${names.map(nativeMethod).join('\n')}
  onShareAppMessage: function () {
    return { title: '${word()}', path: '/pages/index/index' }
  }
})
`;
  }

  function nativeComponent() {
    const names = Array.from({ length: methodCount() }, (_, i) => `handle${cap(word())}${i}`);
    return `Component({
  options: { multipleSlots: true },
  properties: {
    ${word()}: { type: String, value: '' },
    visible: { type: Boolean, value: false }
  },
  data: { list: [], page: 1 },
  methods: {
${names.map((n) => nativeMethod(n).replace(/^ {2}/gm, '    ')).join('\n')}  }
})
`;
  }

  function taroHooks(legacy, ts) {
    const names = Array.from({ length: methodCount() }, (_, i) => `load${cap(word())}${i}`);
    const recording = legacy
      ? `  const handleStart = () => {
    setRecording(true)
    Taro.startRecord({
      success: (res) => {
        setRecording(false)
        setFilePath(res.tempFilePath)
      },
      fail: (err) => {
        setRecording(false)
        console.warn('record failed', err)
      },
    })
  }

  const handleStop = () => {
    Taro.stopRecord()
  }

`
      : '';
    return `import { useCallback, useState } from 'react'
import { View, Button, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BASE_URL } from '../../config'

export default function ${cap(word())}Page() {
  const [items, setItems] = useState${ts ? '<any[]>' : ''}([])
  const [loading, setLoading] = useState(false)
  const [recording, setRecording] = useState(false)
  const [filePath, setFilePath] = useState('')

${recording}${names.map((n) => hookHandler(n, ts)).join('\n')}
  return (
    <View className='page'>
      {loading && <Text>加载中</Text>}
      {items.map((item) => (
        <View key={item.id} className='item'>
          <Text>{item.title}</Text>
        </View>
      ))}
      <Button onClick={recording ? ${legacy ? 'handleStop' : '() => setRecording(false)'} : ${legacy ? 'handleStart' : '() => setRecording(true)'}}>{filePath || 'Record'}</Button>
    </View>
  )
}
`;
  }

  function taroClass(ts) {
    const names = Array.from({ length: methodCount() }, (_, i) => `fetch${cap(word())}${i}`);
    return `import Taro, { Component } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './index.scss'

export default class ${cap(word())}List extends Component${ts ? '<{ id: string }, { list: any[] }>' : ''} {
  state = { list: [] }

  componentDidMount() {
    this.${names[0]}()
  }

${names
  .map(
    (n) => `  async ${n}() {
    const res = await Taro.request({ url: '/api/${word()}', data: { id: this.props.id } })
    if (res.statusCode === 200) this.setState({ list: res.data.list })
    else Taro.showToast({ title: 'error', icon: 'none' })
  }
`,
  )
  .join('\n')}
  render() {
    return (
      <View>
        {this.state.list.map((item${ts ? ': any' : ''}) => <Text key={item.id}>{item.name}</Text>)}
      </View>
    )
  }
}
`;
  }

  function utilModule(ts) {
    const names = Array.from({ length: methodCount() }, (_, i) => `format${cap(word())}${i}`);
    return `${ts ? "export interface Paged<T> {\n  list: T[]\n  total: number\n}\n\n" : ''}${names.map((n) => utilFunction(n, ts)).join('')}`;
  }

  /** Ten files to a folder, as in real projects (the folder is drawn with its first file). */
  let folder = '';
  /** One file: its relative path (extension included) and its text. */
  return function makeFile(index, legacy) {
    if (index % 10 === 0 || folder === '') folder = `src/${pick(['pages', 'pages', 'components', 'utils', 'services'])}/${word()}${Math.floor(index / 10)}`;
    if (legacy) {
      return random() < 0.5
        ? { file: `${folder}/voice${index}.js`, text: nativePage(true) }
        : { file: `${folder}/voice${index}.${pick(['jsx', 'tsx'])}`, text: taroHooks(true, false) };
    }
    const kind = random();
    if (kind < 0.3) return { file: `${folder}/page${index}.js`, text: nativePage(false) };
    if (kind < 0.45) return { file: `${folder}/comp${index}.js`, text: nativeComponent() };
    if (kind < 0.6) return { file: `${folder}/hooks${index}.tsx`, text: taroHooks(false, true) };
    if (kind < 0.7) return { file: `${folder}/list${index}.jsx`, text: taroClass(false) };
    if (kind < 0.8) return { file: `${folder}/list${index}.tsx`, text: taroClass(true) };
    return { file: `${folder}/util${index}.${random() < 0.5 ? 'ts' : 'js'}`, text: utilModule(random() < 0.5) };
  };
}

/**
 * Writes the tree; returns its total size in bytes and how many files have legacy calls.
 * `methodScale` multiplies every file's method count: 1 gives a median file of about
 * 3.7 KB, 1.6 about 6 KB (the larger files of some real projects).
 */
function generateTree({ files, legacy, out, seed = 1, methodScale = 1 }) {
  const random = randomFrom(seed);
  const makeFile = makeGenerator(random, methodScale);
  // Spread the legacy files evenly instead of leaving their count to chance.
  const legacyEvery = legacy > 0 ? 1 / legacy : Infinity;
  let bytes = 0;
  let legacyFiles = 0;
  let nextLegacy = legacyEvery / 2;
  for (let i = 0; i < files; i++) {
    const isLegacy = legacy >= 1 || i + 1 > nextLegacy;
    if (isLegacy && legacy < 1) nextLegacy += legacyEvery;
    const { file, text } = makeFile(i, isLegacy);
    const target = path.join(out, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
    if (isLegacy) legacyFiles++;
  }
  return { files, bytes, legacyFiles };
}

module.exports = { generateTree };

if (require.main === module) {
  const { parseArgs } = require('util');
  const { values } = parseArgs({
    options: {
      files: { type: 'string', default: '2000' },
      legacy: { type: 'string', default: '0.01' },
      out: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'method-scale': { type: 'string', default: '1' },
    },
  });
  if (!values.out) {
    process.stderr.write('usage: node bench/generate-tree.js --files N --legacy SHARE --out DIR [--seed S] [--method-scale 1]\n');
    process.exit(2);
  }
  const result = generateTree({
    files: Number(values.files),
    legacy: Number(values.legacy),
    out: values.out,
    seed: Number(values.seed),
    methodScale: Number(values['method-scale']),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
