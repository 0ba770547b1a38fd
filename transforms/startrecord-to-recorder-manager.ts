import type { API, FileInfo, Options } from 'jscodeshift';
import { migrateSource } from '../src/migrate';

/**
 * jscodeshift entry: `npx jscodeshift -t transforms/startrecord-to-recorder-manager.ts src/`.
 *
 * The migration parses the file itself with the parser its extension calls for, whatever
 * `--parser` jscodeshift was given: `tsx` on a `.ts` file breaks `<T>x` casts, and babel's
 * estree mode gives other node types. It edits text rather than reprinting, so files with
 * nothing to do come back untouched (returning undefined tells jscodeshift "unchanged").
 */
export default function transform(file: FileInfo, api: API, options: Options): string | undefined {
  // `--shim=false` and `--shimImport=./utils/shim` on jscodeshift's command line.
  const shim = options.shim !== false && options.shim !== 'false';
  const shimImport = typeof options.shimImport === 'string' ? options.shimImport : undefined;
  const taroVersion = typeof options.taroVersion === 'string' ? options.taroVersion : undefined;
  const result = migrateSource(file.source, file.path, { shim, shimImport, taroVersion });
  for (const site of result.sites) {
    if (site.action !== 'converted' && typeof api.report === 'function') {
      api.report(`${file.path}:${site.line}:${site.column} ${site.api} ${site.action}: ${site.reason ?? ''}`);
    }
  }
  return result.changed ? result.output : undefined;
}
