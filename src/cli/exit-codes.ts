/** The exit codes CI scripts rely on; the README and `--help` describe the same three. */
export const EXIT_OK = 0;
/** At least one file could not be processed (parse error, unreadable, unwritable). */
export const EXIT_FILE_ERRORS = 1;
/** The command line itself is wrong: unknown flag, no paths, a path that does not exist. */
export const EXIT_USAGE = 2;
