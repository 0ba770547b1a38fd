import type { API, FileInfo, Options } from 'jscodeshift';
import { migrateSource } from '../src/migrate';
import { parseShimImport, ShimDelivery } from '../src/shim-delivery';

/**
 * jscodeshift entry: `npx jscodeshift -t transforms/startrecord-to-recorder-manager.ts src/`.
 *
 * The migration parses the file itself with the parser its extension calls for, whatever
 * `--parser` jscodeshift was given: `tsx` on a `.ts` file breaks `<T>x` casts, and babel's
 * estree mode gives other node types. It edits text rather than reprinting, so files with
 * nothing to do come back untouched (returning undefined tells jscodeshift "unchanged").
 *
 * The shim reaches the app as with the CLI: `startrecord-shim.js` written once into the
 * app's root before the first file that imports it (not with `--dry`), or the module
 * `--shimImport` names. One delivery per jscodeshift worker; the file is written
 * atomically and never over a file the codemod did not write, so workers cannot clash.
 */
const deliveries = new Map<string, ShimDelivery>();

export default async function transform(file: FileInfo, api: API, options: Options): Promise<string | undefined> {
  // `--shim=false` and `--shimImport=startrecord-codemod-shim` on jscodeshift's command line.
  const shim = options.shim !== false && options.shim !== 'false';
  const shimImport = typeof options.shimImport === 'string' ? options.shimImport : undefined;
  const taroVersion = typeof options.taroVersion === 'string' ? options.taroVersion : undefined;
  const dry = Boolean(options.dry);
  const key = `${shimImport ?? ''}\0${dry}`;
  let delivery = deliveries.get(key);
  if (!delivery) {
    delivery = new ShimDelivery(parseShimImport(shimImport, process.cwd()), dry);
    deliveries.set(key, delivery);
  }
  const migrateOptions = delivery.optionsFor(file.path, { shim, ...(taroVersion ? { taroVersion } : {}) });
  const result = migrateSource(file.source, file.path, migrateOptions);
  const report = (text: string) => typeof api.report === 'function' && api.report(text);
  if (result.changed && result.sites.some((site) => site.action === 'shimmed')) {
    const problem = await delivery.prepare(file.path);
    if (problem !== null) {
      report(`${file.path}: left unchanged: ${problem}`);
      return undefined;
    }
  }
  for (const site of result.sites) {
    if (site.action !== 'converted') report(`${file.path}:${site.line}:${site.column} ${site.api} ${site.action}: ${site.reason ?? ''}`);
  }
  return result.changed ? result.output : undefined;
}
