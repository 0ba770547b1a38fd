/** Public API: the migration of one file's text, and the report types. */
export * from './migrate';
