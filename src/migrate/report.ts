/**
 * What the migration says about each call site it found. This is the data the CLI turns
 * into its JSON report and its human summary, so it stays plain and serialisable.
 */
export type LegacyApi = 'startRecord' | 'stopRecord';

/** The deprecated playback API that plays what startRecord recorded (reported, not migrated yet). */
export type PlaybackApi = 'playVoice' | 'pauseVoice' | 'stopVoice';

/**
 * `skipped`: a mini-program call left on the old API, which needs you (the reason says
 * why). `ignored`: not the mini-program API at all, left alone on purpose (a JS-SDK web
 * page, Alipay's, Douyin's or uni-app's call, a test mock or assignment).
 */
export type SiteAction = 'converted' | 'shimmed' | 'skipped' | 'ignored';

export interface SiteReport {
  api: LegacyApi | PlaybackApi;
  /** 1-based line of the site in the ORIGINAL source. */
  line: number;
  /** 1-based column of the site in the ORIGINAL source. */
  column: number;
  action: SiteAction;
  /** Why the site was shimmed or skipped; absent for converted sites. */
  reason?: string;
  /** Behaviour differences the user must review at this site. */
  notes: string[];
}

export interface MigrationResult {
  /** The new source; identical (same string) to the input when nothing changed. */
  output: string;
  changed: boolean;
  sites: SiteReport[];
}

export interface MigrateOptions {
  /**
   * Point sites that cannot be converted faithfully at the runtime shim (default). With
   * false (`--no-shim`) they are left alone and reported as skipped.
   */
  shim?: boolean;
  /**
   * The module specifier shimmed sites import from, written as given (default: the package
   * `startrecord-codemod-shim`). The CLI passes the relative path of the shim file it writes
   * into the app, or the user's `--shim-import`.
   */
  shimImport?: string;
  /**
   * The project's `@tarojs/taro` version (e.g. `3.2.0`). Taro before 3.3.1 returned a
   * Promise from `startRecord` even with callbacks; unknown means a current Taro (SPEC §1).
   */
  taroVersion?: string;
}

/** A file the migration could not process (parse error, unsafe output). Never partial. */
export class MigrationError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}
