import { MigrateOptions, MigrationResult } from './report';

/** Cheap text test run before parsing: files without the API names cannot have sites. */
export function mightContainLegacyCalls(source: string): boolean {
  return source.includes('startRecord') || source.includes('stopRecord');
}

/** STUB: being written. Parses `source` (parser chosen by `filePath`'s extension) and migrates it. */
export function migrateSource(source: string, filePath: string, _options: MigrateOptions = {}): MigrationResult {
  void filePath;
  return { output: source, changed: false, sites: [] };
}
