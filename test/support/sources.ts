import * as fs from 'fs';
import * as path from 'path';

/** The repository's root, for labels relative to it. */
export const REPO_ROOT = path.join(__dirname, '..', '..');

/** Every JS/TS file and `.vue`/`.wpy` component below these folders (relative to the repository), as absolute paths. */
export function sourceFiles(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(file);
      } else if (/\.(c|m)?(j|t)sx?$|\.(vue|wpy)$/.test(entry.name)) {
        out.push(file);
      }
    }
  };
  for (const folder of folders) walk(path.join(REPO_ROOT, folder));
  return out;
}

/**
 * `[label, text, virtual path]` for each script the tests know (fixtures, corpus files,
 * examples): a JS/TS file whole, a single-file component's script blocks one by one, each
 * under a path whose extension says its language (which picks the parser).
 */
export function scriptSources(): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const file of sourceFiles(['__testfixtures__', 'test/corpus', 'examples'])) {
    const label = path.relative(REPO_ROOT, file);
    const text = fs.readFileSync(file, 'utf8');
    if (!/\.(vue|wpy)$/.test(file)) {
      out.push([label, text, file]);
      continue;
    }
    for (const block of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const lang = /lang=["'](\w+)["']/.exec(block[1])?.[1] ?? 'js';
      out.push([`${label} <script>`, block[2], `${file}.${lang}`]);
    }
  }
  return out;
}
