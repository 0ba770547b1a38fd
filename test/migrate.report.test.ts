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
    expect(sites[0].notes).toEqual(expect.arrayContaining([NOTES.silkBecomesAac, NOTES.onErrorOnIdleStop]));
    expect(sites[1].notes).toEqual([NOTES.stopWhileIdleRaisesError]);
    expect(sites.every((s) => s.reason === undefined)).toBe(true);
  });

  test('a file with converted and skipped sites reports both', () => {
    const sites = sitesOf('native-mixed-converted-and-skipped.input.js');
    expect(summary(sites)).toEqual(['4:5 startRecord skipped', '9:3 startRecord converted', '15:3 stopRecord converted']);
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
    ['foreign-hosts.input.js', [/Alipay/, /Douyin/, /Douyin/, /uni-app/, /uni-app/]],
    ['promise-forms-not-yet.input.ts', [/value of startRecord\(...\) is used/, /value of startRecord\(...\) is used/]],
    ['errmsg-unknown-wording-not-yet.input.js', [/success callback reads res\.errMsg, which was 'startRecord:ok'/, /kept on the old API/]],
    ['errmsg-auth-denied-not-yet.input.js', [/looks for 'auth denied' in errMsg/, /kept on the old API/]],
    ['errmsg-passed-on-not-yet.input.js', [/uses errMsg in a way this tool cannot check/, /kept on the old API/]],
    ['options-variable-not-yet.input.js', [/options object recordOptions is not declared right before the call/, /kept on the old API/]],
    ['stop-callbacks-not-last-not-yet.input.js', [/kept on the old API because the stopRecord at line 6/, /callbacks ran after the code that follows the call/]],
    ['test-mocks-assignments.input.js', [/assigned or deleted/, /assigned or deleted/, /assigned or deleted/]],
    ['stop-in-fail-loop-not-yet.input.js', [/fail callback calls stopRecord.*loop/, /kept on the old API because the startRecord at line 5/, /kept on the old API/]],
    ['stop-via-method-in-complete-not-yet.input.js', [/complete callback calls onTouchEnd\(\), which calls stopRecord/, /kept on the old API/]],
    ['native-half-migrated-listener-in-onload.input.js', [/already registers recorderManager\.onStop at line 7/, /kept on the old API/]],
    ['promisify-keeps-file-on-old-api-not-yet.input.js', [/used as a value, not called/, /kept on the old API/, /kept on the old API/]],
  ];
  test.each(cases)('%s', (fixture, reasons) => {
    const sites = sitesOf(fixture);
    expect(sites.map((s) => s.action)).toEqual(reasons.map(() => 'skipped'));
    sites.forEach((site, i) => expect(site.reason).toMatch(reasons[i]));
  });

  test('look-alikes that are not the host API are not sites at all', () => {
    for (const fixture of ['camera-context.input.js', 'speech-plugin.input.js', 'page-methods-named-startrecord.input.js', 'wx-parameter-and-local.input.js', 'jssdk-window-wx.input.js', 'comments-strings-types.input.ts']) {
      expect(sitesOf(fixture)).toEqual([]);
    }
  });

  test('a named import that is still used after the run is kept, and its sites reported', () => {
    const source = "import { startRecord } from '@tarojs/taro'\nexport const start = startRecord\nstartRecord({})\n";
    const result = migrateSource(source, 'a.ts');
    expect(result.changed).toBe(false);
    expect(summary(result.sites)).toEqual(['2:22 startRecord skipped', '3:1 startRecord skipped']);
    expect(result.sites[0].reason).toMatch(/startRecord is used as a value/);
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
