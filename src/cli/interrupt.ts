import { removeTemporaryFilesNow } from '../engine/write-atomic';
import { EXIT_INTERRUPTED } from './exit-codes';
import { CliIo } from './io';

/** After a second Ctrl-C the run stops within milliseconds; a disk that hangs does not hold the exit longer. */
const ABANDON_DEADLINE_MS = 3000;

export interface InterruptWatch {
  /** Aborted by the first Ctrl-C: the run finishes the files in hand and starts no other. */
  stop: AbortSignal;
  /** Aborted by the second: the files in hand are abandoned too (each keeps its old text). */
  abandon: AbortSignal;
  /** Stops listening, so that a Ctrl-C after the run ends the process as usual. */
  dispose(): void;
}

/**
 * Ctrl-C (or SIGTERM) once: stop after the files in hand, each of which is then either
 * written whole or not at all, and report what was done. Twice: abandon the files in hand
 * too: writes not yet renamed over their file are dropped with their temporary file, so
 * every file holds its old text or its complete new text. The report of what was done is
 * still printed; if the run has not ended by the deadline, the process exits anyway.
 */
export function watchInterrupts(io: CliIo): InterruptWatch {
  const stop = new AbortController();
  const abandon = new AbortController();
  const { signals } = io;
  if (!signals) return { stop: stop.signal, abandon: abandon.signal, dispose: () => undefined };
  let deadline: NodeJS.Timeout | undefined;

  const onSignal = () => {
    if (!stop.signal.aborted) {
      io.stderr.write('\nStopping after the files in hand (press Ctrl-C again to abandon them)...\n');
      stop.abort();
    } else if (!abandon.signal.aborted) {
      io.stderr.write('\nAbandoning the files in hand: they keep their old text.\n');
      abandon.abort();
      deadline = setTimeout(() => {
        removeTemporaryFilesNow();
        io.exit?.(EXIT_INTERRUPTED);
      }, ABANDON_DEADLINE_MS);
      deadline.unref();
    }
  };
  signals.on('SIGINT', onSignal);
  signals.on('SIGTERM', onSignal);
  return {
    stop: stop.signal,
    abandon: abandon.signal,
    dispose() {
      clearTimeout(deadline);
      signals.off('SIGINT', onSignal);
      signals.off('SIGTERM', onSignal);
    },
  };
}
