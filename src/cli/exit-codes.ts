/** The exit codes CI scripts rely on; the README and `--help` describe the same ones. */
export const EXIT_OK = 0;
/** At least one file could not be processed (parse error, unreadable, unwritable, ...). */
export const EXIT_FILE_ERRORS = 1;
/**
 * The command cannot run as given: unknown flag, no paths, a path that does not exist, or
 * files with uncommitted changes without `--force`. Nothing was written.
 */
export const EXIT_USAGE = 2;
/** With `--fail-on-skipped`: every file was processed, but some site was left on the old API. */
export const EXIT_SKIPPED = 3;
/** `check`: a live startRecord/stopRecord call was found. */
export const EXIT_CHECK_LEGACY = 4;
/** `check --max-shim N`: more calls go through the runtime shim than allowed. */
export const EXIT_CHECK_SHIM = 5;
/** Stopped by Ctrl-C (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;
