import { OutputStream } from './io';

export interface Progress {
  /** One more file done. */
  tick(): void;
  /** Wipes the bar before other output on the same terminal; it comes back at the next redraw. */
  clear(): void;
  /** Removes the bar, so that what follows starts on a clean line. */
  finish(): void;
}

const SILENT: Progress = { tick: () => undefined, clear: () => undefined, finish: () => undefined };

/** A run shorter than this shows nothing: a bar that flashes by is noise. */
const SHOW_AFTER_MS = 1000;
/** Redraws at most this often; a terminal repaint per file would slow a fast run down. */
const REDRAW_EVERY_MS = 100;

/**
 * A one-line progress bar on stderr (files done / total, files per second), drawn over
 * itself with `\r`. Only on a terminal and only for runs that last: piped output, CI logs
 * and short runs get nothing. Hand-written because it is one line of text and needs
 * nothing a progress library adds (multi-bars, themes), only the delay and the stream.
 */
export function createProgress(stream: OutputStream, total: number, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || stream.isTTY !== true || total === 0) return SILENT;
  const startedAt = now();
  let done = 0;
  let drawnAt = 0;
  let shown = false;

  const draw = () => {
    const elapsed = (now() - startedAt) / 1000;
    const rate = elapsed > 0 ? Math.round(done / elapsed) : 0;
    const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} files  ${rate.toLocaleString('en-US')} files/s`;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - counts.length - 4));
    const filled = Math.round((done / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${counts}\u001b[K`);
    shown = true;
  };

  const drawIfDue = () => {
    const at = now();
    if (at - startedAt < SHOW_AFTER_MS || at - drawnAt < REDRAW_EVERY_MS) return;
    drawnAt = at;
    draw();
  };
  // Also redraws while one long file is in hand, so that the rate keeps moving. Unref'd:
  // the bar never keeps the process alive.
  const timer = setInterval(drawIfDue, 250);
  timer.unref();

  return {
    tick() {
      done++;
      drawIfDue();
    },
    clear() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
    finish() {
      clearInterval(timer);
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
