import * as path from 'path';
import { migrateSource } from '../src/migrate';
import transform from '../transforms/startrecord-to-recorder-manager';
import { FIXTURE_DIR, listFixtures, listOrphanOutputs } from './support/fixtures';

/**
 * Every `__testfixtures__/<case>.input.<ext>` is a test: positive cases must produce
 * `<case>.output.<ext>` exactly (no whitespace leniency), negative cases (no output file)
 * must come back byte-identical, and every expected output run again must not change.
 */
const fixtures = listFixtures();

/**
 * What the CLI passes for a file that sits next to its app's root: the shim file it writes
 * there. A fixture may ask for a project's Taro version with a first line
 * `// fixture: taro <version>`.
 */
function optionsFor(input: string): { shimImport: string; taroVersion?: string } {
  const taro = /^\/\/ fixture: taro (\S+)/.exec(input);
  return { shimImport: './startrecord-shim', ...(taro ? { taroVersion: taro[1] } : {}) };
}

test('fixtures are present and every output has its input', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(30);
  expect(listOrphanOutputs()).toEqual([]);
});

describe.each(fixtures.map((f) => [f.name + '.' + f.ext, f] as const))('%s', (_label, fixture) => {
  // The path keeps the fixture's extension, which picks the parser.
  const filePath = path.join('__testfixtures__', `${fixture.name}.input.${fixture.ext}`);

  if (fixture.negative) {
    test('is left byte-identical', () => {
      const result = migrateSource(fixture.input, filePath, optionsFor(fixture.input));
      expect(result.changed).toBe(false);
      expect(result.output).toBe(fixture.input);
      expect(result.sites.filter((s) => s.action === 'converted')).toEqual([]);
    });
  } else {
    test('is transformed into the expected output', () => {
      const result = migrateSource(fixture.input, filePath, optionsFor(fixture.input));
      expect(result.output).toBe(fixture.expected);
      expect(result.changed).toBe(true);
      expect(result.sites.some((s) => s.action === 'converted' || s.action === 'shimmed')).toBe(true);
    });
  }

  test('is idempotent: the expected output does not change on a second run', () => {
    const again = migrateSource(fixture.expected, filePath, optionsFor(fixture.input));
    expect(again.output).toBe(fixture.expected);
    expect(again.changed).toBe(false);
  });

  if (fixture.expected.includes('./startrecord-shim')) {
    test('with the shim turned off (--no-shim), what went to the shim stays as it was (byte-identical when that was everything)', () => {
      const withShim = migrateSource(fixture.input, filePath, optionsFor(fixture.input));
      const result = migrateSource(fixture.input, filePath, { ...optionsFor(fixture.input), shim: false });
      if (!fixture.input.includes('startrecord-shim')) expect(result.output).not.toContain('startrecord-shim');
      const at = (s: { line: number; column: number; api: string }) => `${s.line}:${s.column} ${s.api}`;
      const before = new Map(withShim.sites.map((s) => [at(s), s.action]));
      for (const site of result.sites) {
        const was = before.get(at(site));
        expect({ site: at(site), action: site.action }).toEqual({ site: at(site), action: was === 'shimmed' ? 'skipped' : was });
      }
      if (withShim.sites.every((s) => s.action === 'shimmed')) expect(result.output).toBe(fixture.input);
    });
  }

  test('gives the same result through the jscodeshift entry point', async () => {
    // `--shimImport=./__testfixtures__/startrecord-shim`: a file, from the working folder.
    const shimFile = `./${path.relative(process.cwd(), path.join(FIXTURE_DIR, 'startrecord-shim'))}`;
    const options = { ...optionsFor(fixture.input), shimImport: shimFile };
    const out = await transform({ path: filePath, source: fixture.input }, { report: () => {} } as any, options as any);
    expect(out ?? fixture.input).toBe(fixture.expected);
  });
});
