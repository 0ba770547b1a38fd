import * as fs from 'fs';
import * as path from 'path';

export const FIXTURE_DIR = path.join(__dirname, '..', '..', '__testfixtures__');

/**
 * One fixture case: `<name>.input.<ext>` and, for positive cases, `<name>.output.<ext>`.
 * A case without an output file is negative: the transform must return it byte-identical.
 */
export interface Fixture {
  name: string;
  ext: string;
  inputPath: string;
  /** null for negative cases. */
  outputPath: string | null;
  input: string;
  /** Expected output; equal to `input` for negative cases. */
  expected: string;
  negative: boolean;
}

const INPUT = /^(.+)\.input\.([a-z]+)$/;

/** Every fixture in `__testfixtures__`, found by name so that adding a pair adds a test. */
export function listFixtures(): Fixture[] {
  const names = fs.readdirSync(FIXTURE_DIR).sort();
  const fixtures: Fixture[] = [];
  for (const file of names) {
    const m = INPUT.exec(file);
    if (!m) continue;
    const [, name, ext] = m;
    const inputPath = path.join(FIXTURE_DIR, file);
    const outputFile = `${name}.output.${ext}`;
    const outputPath = names.includes(outputFile) ? path.join(FIXTURE_DIR, outputFile) : null;
    const input = fs.readFileSync(inputPath, 'utf8');
    fixtures.push({
      name,
      ext,
      inputPath,
      outputPath,
      input,
      expected: outputPath ? fs.readFileSync(outputPath, 'utf8') : input,
      negative: outputPath === null,
    });
  }
  return fixtures;
}

/** Output files without an input are mistakes (a renamed case); the harness reports them. */
export function listOrphanOutputs(): string[] {
  const names = fs.readdirSync(FIXTURE_DIR);
  return names.filter((f) => {
    const m = /^(.+)\.output\.([a-z]+)$/.exec(f);
    return m !== null && !names.includes(`${m[1]}.input.${m[2]}`);
  });
}
