export * from './report';
export { migrateSource, mightContainLegacyCalls } from './migrate-source';
