/** Getting the runtime shim into the app a migrated file belongs to (SPEC §7). */
export { AddedShimFile, parseShimImport, ShimDelivery, ShimSource } from './delivery';
export { AppRoot, ProjectFacts } from './project-facts';
export { relativeSpecifier, shimFileFor, shimFileText } from './shim-file';
