import { createColors } from 'picocolors';
import type { Colors } from 'picocolors/types';
import { OutputStream } from './io';

export type { Colors };

/**
 * Colours only for a terminal, so that piped output, files and tests get plain text.
 * We decide per stream instead of using picocolors' global default, which looks at
 * `process.stdout` and `CI` and would colour text written to a pipe or a test buffer.
 */
export function colorsFor(stream: OutputStream, wanted: boolean, env: NodeJS.ProcessEnv = process.env): Colors {
  if (!wanted || env.NO_COLOR) return createColors(false);
  const enabled = Boolean(env.FORCE_COLOR) || (stream.isTTY === true && env.TERM !== 'dumb');
  return createColors(enabled);
}
