import * as fs from 'fs';
import * as path from 'path';
import { MigrationError, SiteReport, migrateSource } from '../src/migrate';
import { NOTES } from '../src/migrate/notes';
import { parserFor } from '../src/migrate/parse';
import { FIXTURE_DIR } from './support/fixtures';

/** The report is part of the product: what each site became, where, and why. */
function sitesOf(fixture: string): SiteReport[] {
  const file = path.join(FIXTURE_DIR, fixture);
  return migrateSource(fs.readFileSync(file, 'utf8'), file).sites;
}

function summary(sites: SiteReport[]): string[] {
  return sites.map((s) => `${s.line}:${s.column} ${s.api} ${s.action}`);
}

describe('site positions and actions', () => {
  test('native page: one start and two stops, 1-based positions in the original file', () => {
    const sites = sitesOf('native-page-function-callbacks.input.js');
    expect(summary(sites)).toEqual(['17:5 startRecord converted', '34:5 stopRecord converted', '38:5 stopRecord converted']);
    expect(sites[0].notes).toEqual(expect.arrayContaining([NOTES.silkBecomesAac, NOTES.listenersAreGlobal]));
    expect(sites[1].notes).toEqual([NOTES.stopWhileIdleRaisesError]);
    expect(sites.every((s) => s.reason === undefined)).toBe(true);
  });

  test('a file with converted and skipped sites reports both', () => {
    const sites = sitesOf('native-mixed-converted-and-skipped.input.js');
    expect(summary(sites)).toEqual(['4:5 startRecord ignored', '9:3 startRecord converted', '15:3 stopRecord converted']);
    expect(sites[0].reason).toMatch(/Douyin \(tt\) has no startRecord/);
  });

  test('Taro sites carry the H5 note', () => {
    const [start] = sitesOf('taro-hooks.input.tsx');
    expect(start.notes).toContain(NOTES.taroPlatformsWithoutRecorder);
  });

  test('error-text tests that keep their answer are converted, the old prefix rewritten', () => {
    const [start] = sitesOf('native-errmsg-substring-test.input.js');
    expect(start.action).toBe('converted');
    expect(start.notes).toContain(NOTES.errorTextChanges);
  });

  test('an undocumented duration carries its note', () => {
    const [memo] = sitesOf('native-duration-seconds.input.js');
    expect(memo.notes).toContain(NOTES.durationWasAndroidOnly);
  });
});

describe('reasons for sites left alone', () => {
  const cases: Array<[string, RegExp[]]> = [
    ['jssdk-config.input.js', [/JS-SDK web page \(wx\.config found at line 5\)/, /JS-SDK web page/]],
    ['jssdk-local-id-only.input.js', [/JS-SDK web page \(localId found at line 1\)/, /JS-SDK web page/]],
    ['jssdk-cancel-option-only.input.js', [/JS-SDK web page \(a cancel: option on startRecord found at line 3\)/, /JS-SDK/]],
    ['jssdk-ready-only.input.js', [/JS-SDK web page \(wx\.ready found at line 1\)/, /JS-SDK/]],
    ['jssdk-weixinjsbridge.input.js', [/JS-SDK web page \(WeixinJSBridge found at line 5\)/, /JS-SDK/]],
    ['jssdk-weak-dom-signs.input.js', [/JS-SDK web page \(browser global document/, /JS-SDK web page/]],
    ['jssdk-h5-bridge-adapter.input.js', [/JS-SDK web page \(wx\.onMenuShareAppMessage found at line 19\)/, /JS-SDK/]],
    ['jssdk-only-member-share.input.js', [/JS-SDK web page \(wx\.updateAppMessageShareData found at line 3\)/, /JS-SDK/]],
    ['foreign-hosts.input.js', [/Alipay/, /Douyin/, /Douyin/, /uni-app/, /uni-app/]],
    ['test-mocks-assignments.input.js', [/assigned or deleted/, /assigned or deleted/, /assigned or deleted/]],
    ['native-half-migrated-listener-in-onload.input.js', [/already registers recorderManager\.onStop at line 7/, /kept on the old API/]],
  ];
  // Not the mini-program API (JS-SDK pages, other hosts, mocks): ignored, on purpose; a
  // mini-program call held back: skipped, it needs someone.
  const IGNORED = /^(jssdk-|foreign-hosts|test-mocks)/;
  test.each(cases)('%s', (fixture, reasons) => {
    const sites = sitesOf(fixture);
    expect(sites.map((s) => s.action)).toEqual(reasons.map(() => (IGNORED.test(fixture) ? 'ignored' : 'skipped')));
    sites.forEach((site, i) => expect(site.reason).toMatch(reasons[i]));
  });

  test('with --no-shim, sites the shim would run are skipped with their reason, and so are the stops that stop them', () => {
    const file = path.join(FIXTURE_DIR, 'shim-errmsg-auth-denied.input.js');
    const sites = migrateSource(fs.readFileSync(file, 'utf8'), file, { shim: false }).sites;
    expect(sites.map((s) => s.action)).toEqual(['skipped', 'skipped']);
    expect(sites[0].reason).toMatch(/looks for 'auth denied' in errMsg/);
    expect(sites[1].reason).toMatch(/kept on the old API because the startRecord at line \d+/);
  });

  test('a callback that reads its result in ways the new one does not answer alike is handed the old result, and converts', () => {
    for (const fixture of ['native-callback-by-name-reads-errmsg.input.js', 'native-errmsg-passed-on.input.js']) {
      const [start] = sitesOf(fixture);
      expect(start.action).toBe('converted');
      expect(start.notes.some((n) => /old (result|text)/.test(n))).toBe(true);
    }
  });

  test('a fail or complete callback that stops the recording converts: the idle stop it makes is ignored, no loop', () => {
    for (const fixture of ['native-fail-stops-recording.input.js', 'native-complete-stops-via-method.input.js']) {
      expect(sitesOf(fixture).every((s) => s.action === 'converted')).toBe(true);
    }
  });

  test('look-alikes that are not the host API are not sites at all', () => {
    for (const fixture of ['camera-context.input.js', 'speech-plugin.input.js', 'page-methods-named-startrecord.input.js', 'comments-strings-types.input.ts']) {
      expect(sitesOf(fixture)).toEqual([]);
    }
  });

  test('a wx that is a name of the file (a parameter, var wx = swan, window.wx) is reported as left alone, never silently', () => {
    for (const fixture of ['wx-parameter-and-local.input.js', 'jssdk-window-wx.input.js']) {
      const sites = sitesOf(fixture);
      expect(sites.length).toBeGreaterThan(0);
      for (const site of sites) {
        expect(site.action).toBe('skipped');
        expect(site.reason).toMatch(/^wx here is a name of this file \(line \d+\), not the host's global/);
      }
    }
  });

  test('a named import used as a value: the shim takes over its import, no call changes', () => {
    const source = "import { startRecord, showToast } from '@tarojs/taro'\nexport const start = startRecord\nstartRecord({})\n";
    const result = migrateSource(source, 'a.ts');
    expect(result.output).toBe(
      "import { showToast } from '@tarojs/taro'\nimport { startRecord } from 'startrecord-codemod-shim'\nexport const start = startRecord\nstartRecord({})\n",
    );
    expect(summary(result.sites)).toEqual(['2:22 startRecord shimmed', '3:1 startRecord shimmed']);
    expect(result.sites[0].reason).toMatch(/startRecord is used as a value/);
    expect(migrateSource(source, 'a.ts', { shim: false }).output).toBe(source);
  });
});

describe('shimmed sites', () => {
  // The starts go to the shim with their reason, and the stops with them (the shim's
  // stopRecord re-issues a stop lost before onStart, and is silent while idle).
  const cases: Array<[string, Array<[string, RegExp | null]>]> = [
    ['shim-promise-forms.input.ts', [['shimmed', /value of startRecord\(...\) is used/], ['shimmed', /value of startRecord\(...\) is used/]]],
    ['shim-errmsg-unknown-wording.input.js', [['shimmed', /fail callback looks for 'record_error' in errMsg/], ['shimmed', /shimmed with the startRecord at line 3/]]],
    ['shim-errmsg-auth-denied.input.js', [['shimmed', /looks for 'auth denied' in errMsg/], ['shimmed', /shimmed with the startRecord/]]],
    ['shim-options-variable.input.js', [['shimmed', /options object recordOptions is not declared right before the call/], ['shimmed', /shimmed with the startRecord/]]],
    ['shim-promisify.input.js', [['shimmed', /used as a value, not called/], ['shimmed', /shimmed with the startRecord at line \d+/], ['shimmed', /shimmed with/]]],
    ['shim-two-start-sites-different-callbacks.input.js', [['shimmed', /starts recordings with different callbacks \(also at line 12\)/], ['shimmed', /also at line 4/], ['shimmed', /shimmed with the startRecord at line 4/]]],
  ];
  test.each(cases)('%s', (fixture, expected) => {
    const sites = sitesOf(fixture);
    expect(sites.map((s) => s.action)).toEqual(expected.map(([action]) => action));
    sites.forEach((site, i) => {
      const reason = expected[i][1];
      if (reason) expect(site.reason).toMatch(reason);
      expect(site.reason ?? '').not.toMatch(/not converted yet/);
    });
    expect(sites.find((s) => s.api === 'startRecord')?.notes).toEqual(expect.arrayContaining([NOTES.silkBecomesAac, NOTES.shimListeners]));
  });
});

describe('parsing', () => {
  test('the parser follows the extension', () => {
    expect(parserFor('a.ts')).toBe('ts');
    expect(parserFor('a.mts')).toBe('ts');
    expect(parserFor('a.tsx')).toBe('tsx');
    expect(parserFor('a.js')).toBe('babel');
    expect(parserFor('a.jsx')).toBe('babel');
    expect(parserFor('a.cjs')).toBe('babel');
  });

  test('a <T>x cast in a .ts file parses (it would not with the tsx parser)', () => {
    const source = 'const n = <number>value\nwx.stopRecord()\n';
    // Top-level code (not inside a function) fetches the manager where it stops.
    expect(migrateSource(source, 'cast.ts').output).toBe('const n = <number>value\nwx.getRecorderManager().stop()\n');
    expect(() => migrateSource(source, 'cast.tsx')).toThrow(MigrationError);
  });

  test('a syntax error is a MigrationError with the position', () => {
    let error: unknown;
    try {
      migrateSource('Page({\n  start() { wx.startRecord( }\n})\n', 'broken.js');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/^syntax error: .*\(line 2, column \d+\)$/);
    expect((error as MigrationError).line).toBe(2);
  });

  test('files without the API names are returned untouched without parsing', () => {
    const notEvenJs = 'this is not { javascript';
    expect(migrateSource(notEvenJs, 'x.js')).toEqual({ output: notEvenJs, changed: false, sites: [] });
  });

  test('a byte order mark stays first', () => {
    const out = migrateSource('\uFEFFPage({ a() { wx.startRecord() }, b() { wx.stopRecord() } })\n', 'bom.js').output;
    expect(out.startsWith('\uFEFFconst recorderManager = wx.getRecorderManager()')).toBe(true);
  });
});

describe('playback calls', () => {
  test('a page that only plays (what another page recorded) has its playback calls reported, and is not changed', () => {
    const source = "Page({\n  play(e) {\n    wx.playVoice({ filePath: e.currentTarget.dataset.path })\n  },\n  onHide() {\n    wx.stopVoice()\n  },\n})\n";
    const result = migrateSource(source, 'pages/list/list.js');
    expect(result.output).toBe(source);
    expect(summary(result.sites)).toEqual(['3:5 playVoice skipped', '6:5 stopVoice skipped']);
    // What it plays may be an old silk file, which InnerAudioContext cannot play.
    expect(result.sites[0].reason).toMatch(/^this file does not record: .*InnerAudioContext cannot play silk; move it to wx\.createInnerAudioContext\(\) together with the recording/);
  });

  test('playback stays on the old API with recordings that stay there (silk), and says so', () => {
    const source = "Page({\n  a() { wx.startRecord({ success: (r) => this.p = r.tempFilePath }) },\n  b() { wx.startRecord({ success: this.onDone.bind(this) }) },\n  c() { wx.stopRecord() },\n  play() { wx.playVoice({ filePath: this.p }) },\n})\n";
    const result = migrateSource(source, 'pages/two/two.js', { shim: false });
    const start = result.sites.filter((s) => s.api === 'startRecord');
    expect(start.some((s) => s.action === 'skipped')).toBe(true);
    const play = result.sites.find((s) => s.api === 'playVoice')!;
    expect(play.action).toBe('skipped');
    expect(play.reason).toMatch(/some recordings of this file stay on startRecord/);
    expect(play.notes).toEqual([NOTES.playbackOfAac]);
    expect(result.output).toContain('wx.playVoice({ filePath: this.p })');
  });

  test('with --no-shim, a play that needs the shim stays, and so does the pause that belongs to it', () => {
    const source = "Page({\n  a() { wx.startRecord({ success: (r) => { this.p = r.tempFilePath } }) },\n  play() { wx.playVoice({ filePath: this.p, duration: 3 }) },\n  pause() { wx.pauseVoice() },\n})\n";
    const result = migrateSource(source, 'pages/p/p.js', { shim: false });
    expect(summary(result.sites)).toEqual(['2:9 startRecord converted', '3:12 playVoice skipped', '4:13 pauseVoice skipped']);
    expect(result.sites[1].reason).toMatch(/duration .*--no-shim/);
    expect(result.sites[2].reason).toMatch(/wx\.playVoice at line 3 stays on the old API/);
    expect(result.output).toContain('wx.pauseVoice()');
  });

  test('a page that only plays and mentions getRecorderManager in a comment still only plays: its playback stays', () => {
    const source = "// TODO: 录音改用 wx.getRecorderManager()\nPage({\n  play(e) {\n    wx.playVoice({ filePath: e.currentTarget.dataset.path })\n  },\n})\n";
    const result = migrateSource(source, 'pages/list/list.js');
    expect(result.output).toBe(source);
    expect(summary(result.sites)).toEqual(['4:5 playVoice skipped']);
  });

  test('a page that stops a recording started elsewhere and plays it: the playback moves with the stop', () => {
    const source = "Page({\n  stop() {\n    wx.stopRecord()\n  },\n  play() {\n    wx.playVoice({ filePath: this.data.voice })\n  },\n})\n";
    const result = migrateSource(source, 'pages/chat/chat.js');
    expect(summary(result.sites)).toEqual(['3:5 stopRecord converted', '6:5 playVoice converted']);
    expect(result.output).toContain('innerAudioContext.play()');
  });

  test("a JS-SDK page's playVoice({ localId }) is never listed", () => {
    const source = 'wx.ready(function () {\n  wx.playVoice({ localId: window.voiceId })\n})\n';
    expect(migrateSource(source, 'h5/play.js').sites).toEqual([]);
  });
});

test("a stop that goes to the shim with its start keeps the note that stopRecord's success never received tempFilePath", () => {
  const source = 'Page({\n  async a() { const r = await wx.startRecord() },\n  b() {\n    wx.stopRecord({ success(res) { console.log(res.tempFilePath) } })\n  },\n})\n';
  const stop = migrateSource(source, 'p.js').sites.find((s) => s.api === 'stopRecord')!;
  expect(stop.action).toBe('shimmed');
  expect(stop.notes).toContain(NOTES.stopHasNoPath);
});

