import * as path from 'path';
import { MigrateOptions, MigrationResult } from './report';

/** `.vue` (Taro Vue, uni-app, mpvue) and `.wpy` (WePY) files hold scripts inside markup. */
export function isSingleFileComponent(filePath: string): boolean {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.vue' || ext === '.wpy';
}

export type ScriptMigrator = (source: string, filePath: string, options: MigrateOptions) => MigrationResult;

/** STUB (being written): migrates every <script> block, leaving the rest byte-identical. */
export function migrateSfc(source: string, _filePath: string, _options: MigrateOptions, _migrateScript: ScriptMigrator): MigrationResult {
  return { output: source, changed: false, sites: [] };
}
