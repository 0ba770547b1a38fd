import { parse } from '@vue/compiler-sfc';
import { MigrationError, MigrationResult, migrateSource } from '../src/migrate';
import { extensionForLang, isSingleFileComponent, migrateSfc } from '../src/migrate/sfc';

/**
 * Single-file components (`.vue`, `.wpy`): only the contents of `<script>` and
 * `<script setup>` change; positions in the report point into the whole file.
 */

const lines = (...text: string[]) => text.join('\n');

/** 1-based line and column of the first `needle` in `text` (columns count characters, as babel's do). */
function positionOf(text: string, needle: string, from = 0): { line: number; column: number } {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, index);
  return { line: before.split('\n').length, column: index - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The text of the file with the contents of its script blocks cut out. */
function outsideScripts(text: string, filename = 'x.vue'): string[] {
  const { descriptor } = parse(text, { filename, templateParseOptions: { prefixIdentifiers: false } });
  const ranges = [descriptor.script, descriptor.scriptSetup]
    .filter((b): b is NonNullable<typeof b> => b !== null)
    .map((b) => [b.loc.start.offset, b.loc.end.offset] as const)
    .sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    parts.push(text.slice(at, start));
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}

function migrationError(run: () => unknown): MigrationError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(MigrationError);
    return error as MigrationError;
  }
  throw new Error('expected a MigrationError');
}

const TARO_PAGE = lines(
  '<template>',
  '  <view class="voice" @touchstart="start" @touchend="stop">',
  '    <text>{{ recording ? "松开结束" : "按住说话" }}</text>',
  '  </view>',
  '</template>',
  '',
  '<script>',
  "import Taro from '@tarojs/taro'",
  '',
  'export default {',
  '  data() {',
  "    return { recording: false, path: '' }",
  '  },',
  '  methods: {',
  '    start() {',
  '      this.recording = true',
  '      Taro.startRecord({',
  '        success: (res) => {',
  '          this.path = res.tempFilePath',
  '        },',
  '      })',
  '    },',
  '    stop() {',
  '      this.recording = false',
  '      Taro.stopRecord()',
  '    },',
  '  },',
  '}',
  '</script>',
  '',
  '<i18n lang="json">',
  '{ "zh": { "hold": "按住说话", "startRecord": "开始" } }',
  '</i18n>',
  '',
  '<style lang="scss" scoped>',
  '.voice { padding: 32px; }',
  '</style>',
  '',
);

describe('which files are components', () => {
  test('.vue and .wpy are, whatever the case of the extension; scripts are not', () => {
    expect(['a.vue', 'b.wpy', 'C.VUE'].map(isSingleFileComponent)).toEqual([true, true, true]);
    expect(['a.js', 'a.ts', 'a.vue.js', 'a.mts'].map(isSingleFileComponent)).toEqual([false, false, false, false]);
  });
});

describe('the rest of the file is byte-identical', () => {
  test('template, styles and custom blocks are kept exactly; only the script content changes', () => {
    const result = migrateSource(TARO_PAGE, 'src/pages/voice/index.vue');
    expect(result.changed).toBe(true);
    expect(result.output).toContain('Taro.getRecorderManager()');
    expect(outsideScripts(result.output)).toEqual(outsideScripts(TARO_PAGE));
    // ...and the custom block's startRecord key and the template's handlers are untouched.
    expect(result.output).toContain('"startRecord": "开始"');
  });

  test('CRLF line endings and a byte order mark are kept, in the script too', () => {
    const source = '\ufeff' + TARO_PAGE.replace(/\n/g, '\r\n');
    const result = migrateSource(source, 'index.vue');
    expect(result.changed).toBe(true);
    expect(result.output.startsWith('\ufeff<template>\r\n')).toBe(true);
    expect(result.output.replace(/\r\n/g, '')).not.toContain('\n');
    expect(outsideScripts(result.output)).toEqual(outsideScripts(source));
    // The same sites as without CRLF and BOM (the BOM sits on line 1, far from the sites).
    expect(result.sites.map((s) => [s.line, s.column])).toEqual(
      migrateSource(TARO_PAGE, 'index.vue').sites.map((s) => [s.line, s.column]),
    );
  });

  test('a component without recording code comes back as the same string', () => {
    const source = lines(
      '<template>',
      '  <button @click="startRecord">录像</button>',
      '</template>',
      '<script>',
      'export default { methods: { startRecord() { this.$emit("start") }, stopRecord() {} } }',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'camera.vue');
    expect(result).toEqual({ output: source, changed: false, sites: [] });
    expect(result.output).toBe(source);
  });
});

describe('positions point into the whole file', () => {
  test('line and column of each site are those of the call in the .vue file', () => {
    const result = migrateSource(TARO_PAGE, 'index.vue');
    expect(result.sites.map((s) => ({ api: s.api, line: s.line, column: s.column }))).toEqual([
      { api: 'startRecord', ...positionOf(TARO_PAGE, 'Taro.startRecord') },
      { api: 'stopRecord', ...positionOf(TARO_PAGE, 'Taro.stopRecord') },
    ]);
    expect(result.sites[0]).toMatchObject({ line: 17, column: 7 });
  });

  test('a call on the line of the <script> tag: the column counts from the start of that line', () => {
    const source = '<template><view /></template>\n<script>wx.stopRecord()\n</script>\n';
    const result = migrateSource(source, 'inline.vue');
    expect(result.sites).toEqual([expect.objectContaining({ api: 'stopRecord', ...positionOf(source, 'wx.stopRecord') })]);
    expect(result.sites[0]).toMatchObject({ line: 2, column: 9 });
    expect(result.output).toBe('<template><view /></template>\n<script>wx.getRecorderManager().stop()\n</script>\n');
  });

  test('an indented block: positions keep the indentation, new top-level code gets it too', () => {
    const source = lines(
      '<template>',
      '  <view @tap="stop">stop</view>',
      '</template>',
      '<script>',
      "  import wepy from 'wepy'",
      '',
      '  export default class Voice extends wepy.page {',
      '    methods = {',
      '      start () {',
      '        wx.startRecord({ success: (res) => { this.path = res.tempFilePath } })',
      '      },',
      '      stop () {',
      '        wx.stopRecord()',
      '      }',
      '    }',
      '  }',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'voice.wpy');
    expect(result.sites.map((s) => [s.line, s.column])).toEqual([
      [positionOf(source, 'wx.startRecord').line, positionOf(source, 'wx.startRecord').column],
      [positionOf(source, 'wx.stopRecord').line, positionOf(source, 'wx.stopRecord').column],
    ]);
    // Blocks of a .vue/.wpy file fetch the manager where they record (they may be built for
    // platforms without wx), with the block's indentation.
    expect(result.output).toContain('\n        const recorderManager = wx.getRecorderManager()\n        recorderManager.onStop(');
    expect(result.output).toContain('\n        wx.getRecorderManager().stop()\n');
    // Every line of the script that has text keeps the block's two-space indentation.
    const script = result.output.slice(result.output.indexOf('<script>\n') + 9, result.output.indexOf('</script>'));
    expect(script.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('  '))).toEqual([]);
  });

  test('block line numbers inside reasons are translated too', () => {
    const source = lines(
      '<template><view /></template>',
      '<script>',
      'const recordOptions = { success: (res) => console.log(res.tempFilePath) }',
      'export default {',
      '  methods: {',
      '    start() { wx.startRecord(recordOptions) },',
      '    stop() { wx.stopRecord() },',
      '  },',
      '}',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'options.vue', { shim: false });
    expect(result.changed).toBe(false);
    const stop = result.sites.find((s) => s.api === 'stopRecord')!;
    expect(stop).toMatchObject({ action: 'skipped', line: 7 });
    expect(stop.reason).toContain(`startRecord at line ${positionOf(source, 'wx.startRecord').line} `);
  });

  test("a syntax error in a block is reported at its place in the file, naming the block", () => {
    const source = lines('<template><view /></template>', '', '<script setup lang="ts">', 'const a = 1', 'wx.stopRecord(', '</script>', '');
    const error = migrationError(() => migrateSource(source, 'broken.vue'));
    expect(error.message).toMatch(/^<script setup lang="ts">: syntax error: /);
    expect(error.line).toBe(6);
    expect(error.message).toContain(`(line 6, column ${error.column})`);
  });
});

describe('lang picks the parser', () => {
  test('the extension each lang maps to', () => {
    expect(
      [undefined, 'js', 'javascript', 'babel', 'jsx', 'ts', 'typescript', 'TS', 'tsx', 'coffee'].map(extensionForLang),
    ).toEqual(['.js', '.js', '.js', '.js', '.jsx', '.ts', '.ts', '.ts', '.tsx', null]);
  });

  test('lang="ts": a <T>x cast parses (the tsx parser would reject it)', () => {
    const source = lines(
      '<script lang="ts">',
      'export default {',
      '  methods: {',
      '    stop() {',
      '      const el = <HTMLElement>this.$el',
      '      wx.stopRecord()',
      '    },',
      '  },',
      '}',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'cast.vue');
    expect(result.changed).toBe(true);
    expect(result.output).toContain('const el = <HTMLElement>this.$el');
  });

  test('lang="typescript" (WePY) is TypeScript too', () => {
    const source = '<script lang="typescript">\nconst n = <number>(1 as unknown)\nwx.stopRecord()\n</script>\n';
    expect(migrateSource(source, 'page.wpy').changed).toBe(true);
  });

  test('lang="tsx" parses JSX; lang="ts" would not', () => {
    const script = lines('', "import Taro from '@tarojs/taro'", 'export const Stop = () => <View onClick={() => Taro.stopRecord()}>stop</View>', '');
    const tsx = migrateSource(`<script lang="tsx">${script}</script>\n`, 'stop.vue');
    expect(tsx.changed).toBe(true);
    expect(tsx.output).toContain('<View onClick={() => Taro.getRecorderManager().stop()}>stop</View>');
    expect(() => migrateSource(`<script lang="ts">${script}</script>\n`, 'stop.vue')).toThrow(MigrationError);
  });

  test('a block in a language we cannot parse: an error if it mentions the API, ignored otherwise', () => {
    const error = migrationError(() => migrateSource('<script lang="coffee">\nwx.stopRecord()\n</script>\n', 'a.vue'));
    expect(error.message).toContain('<script lang="coffee"> is in a language the codemod cannot parse');
    expect([error.line, error.column]).toEqual([1, 23]);
    const source = '<template><button @click="stopRecord" /></template>\n<script lang="coffee">\nx = 1\n</script>\n';
    expect(migrateSource(source, 'b.vue').output).toBe(source);
    // Playback alone, in a block we cannot read: nothing to migrate there, so no error.
    const plays = '<script lang="coffee">\nwx.playVoice filePath: path\n</script>\n';
    expect(migrateSource(plays, 'c.vue').output).toBe(plays);
  });
});

describe('blocks', () => {
  test('both <script> and <script setup> are migrated, each with its own language', () => {
    const source = lines(
      '<script>',
      'export default {',
      '  name: "VoiceNote",',
      '  onUnload() { wx.stopRecord() },',
      '}',
      '</script>',
      '',
      '<script setup lang="ts">',
      'const press = <() => void>(() => {',
      '  wx.startRecord({ success: (res) => console.log(res.tempFilePath) })',
      '})',
      'const release = () => wx.stopRecord()',
      '</script>',
      '',
      '<template><view @touchstart="press" @touchend="release" /></template>',
      '',
    );
    const result = migrateSource(source, 'note.vue');
    expect(result.changed).toBe(true);
    expect(result.sites.map((s) => [s.api, s.action, s.line])).toEqual([
      ['stopRecord', 'converted', 4],
      ['startRecord', 'converted', 10],
      ['stopRecord', 'converted', 12],
    ]);
    expect(result.output).not.toMatch(/wx\.(start|stop)Record\(/);
    expect(outsideScripts(result.output)).toEqual(outsideScripts(source));
  });

  test('migrateSfc hands each block to the script migrator with a path ending in its language', () => {
    const seen: Array<[string, string]> = [];
    const fake = (text: string, filePath: string): MigrationResult => {
      seen.push([filePath, text]);
      return { output: text.replace('stopRecord', 'STOP'), changed: true, sites: [] };
    };
    const source = '<script lang="jsx">\nstopRecord()\n</script>\n<script setup lang="ts">\nstopRecord()\n</script>\n';
    const result = migrateSfc(source, 'dir/x.vue', {}, fake);
    expect(seen).toEqual([
      ['dir/x.vue.script.jsx', '\nstopRecord()\n'],
      ['dir/x.vue.setup.ts', '\nstopRecord()\n'],
    ]);
    expect(result.output).toBe('<script lang="jsx">\nSTOP()\n</script>\n<script setup lang="ts">\nSTOP()\n</script>\n');
  });

  test('<script src> has no content to migrate and is left alone', () => {
    const source = '<template><view @tap="stopRecord" /></template>\n<script src="./voice.js">\nwx.stopRecord()\n</script>\n';
    const result = migrateSource(source, 'voice.vue');
    expect(result).toEqual({ output: source, changed: false, sites: [] });
  });

  test('a migration that would break the block structure is refused', () => {
    const evil = (text: string): MigrationResult => ({ output: text + '</script><script>', changed: true, sites: [] });
    const error = migrationError(() => migrateSfc('<script>\nstopRecord()\n</script>\n', 'x.vue', {}, evil));
    expect(error.message).toMatch(/^internal error: the rewritten component would not parse/);
  });
});

describe('components that do not parse', () => {
  test('an unclosed <script> is a MigrationError naming the element and its place', () => {
    const source = lines('<template>', '  <view @tap="stop" />', '</template>', '', '<script>', 'export default { methods: { stop() { wx.stopRecord() } } }', '');
    const error = migrationError(() => migrateSource(source, 'broken.vue'));
    expect(error.message).toBe('not a well-formed single-file component: <script> element is missing end tag (line 5, column 1)');
    expect([error.line, error.column]).toEqual([5, 1]);
  });

  test('two <script> blocks: Vue would ignore the second, so the file is refused', () => {
    const error = migrationError(() => migrateSource('<script>\nwx.stopRecord()\n</script>\n<script>\nwx.stopRecord()\n</script>\n', 'two.vue'));
    expect(error.message).toContain('only one <script> element');
    expect(error.line).toBe(4);
  });

  test('Vue 2 <template functional> (mpvue, uni-app Vue 2) is accepted', () => {
    const source = '<template functional>\n  <div>{{ props.title }}</div>\n</template>\n<script>\nwx.stopRecord()\n</script>\n';
    expect(migrateSource(source, 'fn.vue').output).toContain('wx.getRecorderManager().stop()');
  });
});

describe('WePY', () => {
  test('a WePY 1 page: `@tap="fn({{index}})"` template syntax, less styles', () => {
    const source = lines(
      '<style lang="less">',
      '  .list { .item { color: #333; } }',
      '</style>',
      '<template>',
      '  <view class="list">',
      '    <repeat for="{{voices}}" key="index" index="index" item="item">',
      '      <view class="item" @tap="play({{index}})">{{item}}</view>',
      '    </repeat>',
      '    <button @longpress="start" @touchend="stop">按住</button>',
      '  </view>',
      '</template>',
      '<script>',
      "  import wepy from 'wepy'",
      '  export default class Index extends wepy.page {',
      '    methods = {',
      '      stop () { wx.stopRecord() }',
      '    }',
      '  }',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'pages/index.wpy');
    expect(result.changed).toBe(true);
    expect(outsideScripts(result.output, 'index.wpy')).toEqual(outsideScripts(source, 'index.wpy'));
    expect(result.sites[0]).toMatchObject({ api: 'stopRecord', action: 'converted', ...positionOf(source, 'wx.stopRecord') });
  });

  test('a WePY 2 component: <config>, <wxs> and <script lang="typescript">', () => {
    const source = lines(
      '<template>',
      '  <view @tap="toggle">{{ m.label(recording) }}</view>',
      '</template>',
      '<wxs module="m" lang="babel">',
      "  module.exports = { label: function (r) { return r ? 'stop' : 'record' } }",
      '</wxs>',
      '<config>',
      '{',
      '  "component": true,',
      '  "usingComponents": {}',
      '}',
      '</config>',
      '<script lang="typescript">',
      "import wepy from '@wepy/core'",
      '',
      'wepy.component({',
      '  data: { recording: false },',
      '  methods: {',
      '    toggle(): void {',
      '      if (this.recording) wx.stopRecord()',
      '      this.recording = !this.recording',
      '    },',
      '  },',
      '})',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'components/recorder.wpy');
    expect(result.changed).toBe(true);
    expect(result.output).toContain('if (this.recording) wx.getRecorderManager().stop()');
    expect(outsideScripts(result.output, 'recorder.wpy')).toEqual(outsideScripts(source, 'recorder.wpy'));
  });

  test('<template lang="wxml"> that defines WXML templates inside (compiler-sfc alone rejects it)', () => {
    const source = lines(
      '<template lang="wxml">',
      '  <template name="voiceItem">',
      '    <view class="item">{{path}}</view>',
      '  </template>',
      '  <view>',
      '    <template is="voiceItem" wx:for="{{voices}}" data="{{path: item}}" />',
      '  </view>',
      '</template>',
      '<script>',
      "  import wepy from 'wepy'",
      '  export default class Voices extends wepy.page {',
      '    onUnload () { wx.stopRecord() }',
      '  }',
      '</script>',
      '',
    );
    const result = migrateSource(source, 'pages/voices.wpy');
    expect(result.changed).toBe(true);
    expect(result.sites[0]).toMatchObject(positionOf(source, 'wx.stopRecord'));
    expect(result.output.slice(0, result.output.indexOf('<script>'))).toBe(source.slice(0, source.indexOf('<script>')));
  });

  test('a WXML template that really is broken is still an error', () => {
    const source = '<template lang="wxml">\n  <view>\n</templat>\n<script>\nwx.stopRecord()\n</script>\n';
    expect(() => migrateSource(source, 'bad.wpy')).toThrow(MigrationError);
  });
});

describe('files Vue 3\'s strict parser rejects (old uni-app and mpvue pages)', () => {
  const STRAY_TAG = lines(
    '<template>',
    '  <view class="box">',
    '    <text>按住说话</text>',
    '  </view>',
    '  </view>',
    '</template>',
    '',
    '<script>',
    'export default {',
    '  methods: {',
    '    start() { uni.startRecord() },',
    '    stop() {',
    '      wx.stopRecord()',
    '    },',
    '  },',
    '}',
    '</script>',
    '',
  );

  test('have their <script> found leniently and migrated, everything outside it byte-identical, and the report says so', () => {
    const result = migrateSource(STRAY_TAG, 'pages/old/old.vue');
    expect(result.output).toBe(STRAY_TAG.replace('      wx.stopRecord()', '      wx.getRecorderManager().stop()'));
    const stop = result.sites.find((s) => s.api === 'stopRecord')!;
    expect(stop.action).toBe('converted');
    expect(stop.notes.some((n) => /found as a lenient compiler finds them/.test(n))).toBe(true);
  });

  test('whose only sites are uni.* are not errors: the sites are reported as ignored', () => {
    const only = STRAY_TAG.replace('      wx.stopRecord()', '      uni.stopRecord()');
    const result = migrateSource(only, 'pages/old/old.vue');
    expect(result.output).toBe(only);
    expect(result.sites.map((s) => s.action)).toEqual(['ignored', 'ignored']);
  });
});


/**
 * `<script>` and `<script setup>` are one module once Vue compiles them: the setup block
 * sees every top-level name of the plain block, the plain block sees the setup block's
 * imports. Each block is migrated on its own, knowing what the other binds.
 */
/** A component whose plain `<script>` holds `plain` and whose `<script setup>` holds `setup`. */
const component = (plain: string[], setup: string[]) =>
  lines('<template><view @tap="go">rec</view></template>', '<script>', ...plain, '</script>', '<script setup>', ...setup, '</script>', '');

describe('a component with both <script> and <script setup>', () => {
  test('a start imported by name from @tarojs/taro in the other block is reported, not skipped silently', () => {
    const text = component(["import { startRecord } from '@tarojs/taro'", "export default { name: 'Rec' }"], ['function go() {', '  startRecord({ success(res) { console.log(res.tempFilePath) } })', '}']);
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites).toHaveLength(1);
    expect(result.sites[0]).toMatchObject({ action: 'skipped', api: 'startRecord', ...positionOf(text, 'startRecord({') });
    expect(result.sites[0].reason).toContain("startRecord here is @tarojs/taro's startRecord, taken in this component's other script block, <script> (on line 3 of the file)");
  });

  test('the plain block does not see the setup block\'s other declarations: they live inside setup()', () => {
    const text = component(['export default {', '  methods: {', '    go() { wx.startRecord({ success(res) { this.path = res.tempFilePath } }) },', '  },', '}'], ['const wx = swan']);
    const result = migrateSource(text, 'x.vue');
    expect(result.sites.map((s) => s.action)).toEqual(['converted']);
    expect(result.output).toContain('wx.getRecorderManager()');
  });

  test('the setup block\'s imports are seen by the plain block', () => {
    const text = component(['export default {', '  methods: {', '    go() { wx.startRecord({ success(res) { this.path = res.tempFilePath } }) },', '  },', '}'], ["import wx from 'weapp-api'"]);
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites.map((s) => s.action)).toEqual(['skipped']);
    expect(result.sites[0].reason).toContain(`<script setup> (on line ${positionOf(text, 'import wx').line} of the file)`);
  });

  test('an other block the codemod cannot read leaves every host call alone, and says why', () => {
    const text = component(['export default {}'], ['function go() {', '  wx.startRecord({ success(res) { console.log(res.tempFilePath) } })', '}']).replace('<script>', '<script lang="coffee">');
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites.map((s) => s.action)).toEqual(['skipped']);
    expect(result.sites[0].reason).toContain('<script lang="coffee">, cannot be read (a language the codemod cannot parse)');
  });

  test('an other block that does not parse is as unreadable', () => {
    const text = component(['export default {'], ['function go() {', '  wx.startRecord({ success(res) { console.log(res.tempFilePath) } })', '}']);
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites[0].reason).toContain('cannot be read (it does not parse)');
  });

  test('new names do not clash with the other block\'s: one module holds both', () => {
    const setup = ["import recorderManager from './legacy-recorder'", 'const ready = recorderManager !== null'];
    const plain = ['export default {', '  methods: {', '    go() {', '      wx.startRecord({ success: (res) => { this.path = res.tempFilePath } })', '    },', '  },', '}'];
    const result = migrateSource(component(plain, setup), 'x.vue');
    expect(result.sites.map((s) => s.action)).toEqual(['converted']);
    const plainBlock = result.output.slice(0, result.output.indexOf('<script setup>'));
    expect(plainBlock).toContain('wx.getRecorderManager()');
    expect(plainBlock).not.toMatch(/\brecorderManager\b/);
  });

  test('a Taro import the other block still uses stays when its last call here goes to the shim', () => {
    const text = component(
      ['export default { methods: { clear() { Taro.showToast({ title: "ok" }) } } }'],
      ["import Taro from '@tarojs/taro'", 'async function go() {', '  const r = await Taro.startRecord({ success() {} })', '  console.log(r)', '}'],
    );
    const result = migrateSource(text, 'x.vue', { shimImport: './startrecord-shim' });
    expect(result.sites.map((s) => s.action)).toEqual(['shimmed']);
    expect(result.output).toContain("import Taro from '@tarojs/taro'");
    // In a component alone, the same import goes (nothing else uses it).
    const alone = lines('<script setup>', "import Taro from '@tarojs/taro'", 'async function go() {', '  const r = await Taro.startRecord({ success() {} })', '  console.log(r)', '}', '</script>', '');
    expect(migrateSource(alone, 'x.vue', { shimImport: './startrecord-shim' }).output).not.toContain("import Taro from '@tarojs/taro'");
  });
});

describe('line numbers in reasons point into the whole file', () => {
  test('"(line N)" and every number of "at line N, M"', () => {
    const text = lines('<template><view /></template>', '<script>', 'var wx = swan', 'export default {', '  methods: {', '    go() { wx.startRecord() },', '  },', '}', '</script>', '');
    const result = migrateSource(text, 'x.vue');
    expect(result.sites[0].reason).toContain('(line 3)');

    const starts = ['a', 'b', 'c'].map((n) => `    ${n}() { wx.startRecord({ success: (res) => { this.${n} = res.tempFilePath } }) },`);
    const three = lines('<template><view /></template>', '<script>', 'export default {', '  methods: {', ...starts, '  },', '}', '</script>', '');
    const reasons = migrateSource(three, 'x.vue').sites.map((s) => s.reason ?? '');
    const [a, b, c] = ['a()', 'b()', 'c()'].map((m) => positionOf(three, m).line);
    expect(reasons[0]).toContain(`also at line ${b}, ${c}`);
    expect(reasons[2]).toContain(`also at line ${a}, ${b}`);
  });
});

describe('a component with both blocks: what review found', () => {
  test('recording functions destructured from a host in the other block are reported', () => {
    const text = component(['const { startRecord, stopRecord } = wx', 'export default {}'], ['function go() {', '  startRecord({ success(res) { console.log(res.tempFilePath) } })', '}', 'function end() { stopRecord() }']);
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites.map((s) => [s.api, s.action])).toEqual([['startRecord', 'skipped'], ['stopRecord', 'skipped']]);
    expect(result.sites[0].reason).toContain("startRecord here is wx's startRecord, taken in this component's other script block, <script> (on line 3 of the file)");
  });

  test('`const Taro = require(\'@tarojs/taro\')` in the other block is the Taro module here too', () => {
    const text = component(["const Taro = require('@tarojs/taro')", 'export default {}'], ['function go() {', '  Taro.startRecord({ success(res) { console.log(res.tempFilePath) } })', '}']);
    const result = migrateSource(text, 'x.vue');
    expect(result.sites.map((s) => s.action)).toEqual(['converted']);
    expect(result.output).toContain('Taro.getRecorderManager()');
  });

  test('a plain block in CommonJS (module.exports) gets the shim through require; any other component block through import', () => {
    const awaited = ['async function go() {', '  const r = await wx.startRecord({ success() {} })', '  console.log(r)', '}'];
    const cjs = lines('<script>', ...awaited, 'module.exports = { methods: { go } }', '</script>', '');
    expect(migrateSource(cjs, 'x.vue', { shimImport: './startrecord-shim' }).output).toContain("const { startRecord } = require('./startrecord-shim')");
    const plain = lines('<script>', ...awaited, 'Component({ methods: { go } })', '</script>', '');
    expect(migrateSource(plain, 'x.vue', { shimImport: './startrecord-shim' }).output).toContain("import { startRecord } from './startrecord-shim'");
  });

  test('a shimmed call does not take a name the other block declares', () => {
    const text = component(["import { startRecord } from '@/utils/h5-mic'", 'export default {}'], ['async function go() {', '  const r = await wx.startRecord({ success() {} })', '  console.log(r)', '}']);
    const result = migrateSource(text, 'x.vue', { shimImport: './startrecord-shim' });
    expect(result.sites.map((s) => s.action)).toEqual(['shimmed']);
    expect(result.output).toContain("import { startRecord as legacyStartRecord } from './startrecord-shim'");
  });

  test('a Taro import the other block relies on is never the one this block\'s edits name', () => {
    // The plain block's stop converts through its own import, not through the setup block's Taro.
    const text = component(["import { stopRecord } from '@tarojs/taro'", 'export default { onUnload() { stopRecord() } }'], ["import Taro from '@tarojs/taro'", 'function go() { Taro.showToast({ title: "hi" }) }']);
    const result = migrateSource(text, 'x.vue');
    expect(result.sites.map((s) => s.action)).toEqual(['converted']);
    expect(result.output).toContain("import { getRecorderManager } from '@tarojs/taro'");
    expect(result.output).toContain("import Taro from '@tarojs/taro'");
  });
});

describe('a component with both blocks: what the second review found', () => {
  test('a comment naming getRecorderManager in the other block is not a recording there', () => {
    const text = component(['// TODO: move to wx.getRecorderManager()', 'export default {}'], ['function go() {', '  wx.startRecord({ success(res) { console.log(res.tempFilePath) } })', '}']);
    expect(migrateSource(text, 'x.vue').sites.map((s) => s.action)).toEqual(['converted']);
    // Where the other block really records with the manager, the component is left alone.
    const managed = text.replace('// TODO: move to wx.getRecorderManager()', 'const manager = wx.getRecorderManager()');
    expect(migrateSource(managed, 'x.vue').sites.map((s) => s.action)).toEqual(['skipped']);
  });

  test('an other block that also stops, next to its manager, does not let this block take its listener over', () => {
    const text = lines(
      '<script>',
      'const recorderManager = wx.getRecorderManager()',
      'recorderManager.onStop((res) => { getApp().globalData.voice = res.tempFilePath })',
      'export default { onHide() { wx.stopRecord() } }',
      '</script>',
      '<script setup>',
      'function go() {',
      '  wx.startRecord({ success(res) { console.log(res.tempFilePath) } })',
      '}',
      '</script>',
      '',
    );
    const result = migrateSource(text, 'x.vue');
    expect(result.output).toBe(text);
    expect(result.sites.every((s) => s.action === 'skipped')).toBe(true);
  });
});
