/**
 * The cheap text test, on raw bytes, run on every file before anything else. It must give
 * the same answer as the migration's own `mightContainLegacyCalls` (a test checks that):
 * it is repeated here so that the main thread can sort thousands of files without loading
 * the parser and jscodeshift, which only the files that pass need.
 */
import { PLAYBACK_APIS, RECORDING_APIS } from '../migrate/api-names';

// The recording API, and the playback API that moves with it (playVoice & co.).
const NAMES = [...RECORDING_APIS, ...PLAYBACK_APIS].map((name) => Buffer.from(name, 'latin1'));

/**
 * The names by their common tail (`Record`, `Voice`), each with the prefixes that make a
 * name of it (`start`, `stop`). Most files hold neither tail; in those that do, looking
 * just before each occurrence costs nothing, where searching each whole name again would
 * scan the file once per name (measured on 20,000 bench files: 125 ms against 24 ms).
 */
const BY_TAIL = new Map<string, Buffer[]>();
for (const name of [...RECORDING_APIS, ...PLAYBACK_APIS]) {
  const tail = /[A-Z][a-z]*$/.exec(name)![0];
  BY_TAIL.set(tail, [...(BY_TAIL.get(tail) ?? []), Buffer.from(name.slice(0, -tail.length), 'latin1')]);
}
const TAILS = [...BY_TAIL].map(([tail, prefixes]) => ({ tail: Buffer.from(tail, 'latin1'), prefixes }));

/** The API names are ASCII, so a byte search is exact for UTF-8 and every ASCII-compatible encoding. */
export function mentionsLegacyApi(bytes: Buffer): boolean {
  for (const { tail, prefixes } of TAILS) {
    for (let at = bytes.indexOf(tail); at !== -1; at = bytes.indexOf(tail, at + 1)) {
      if (prefixes.some((prefix) => endsWithAt(bytes, at, prefix))) return true;
    }
  }
  return false;
}

/** Whether `prefix` sits in `bytes` right before offset `end`. */
function endsWithAt(bytes: Buffer, end: number, prefix: Buffer): boolean {
  const start = end - prefix.length;
  if (start < 0) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[start + i] !== prefix[i]) return false;
  return true;
}

/**
 * The names as whole identifiers (`startRecording` or `stopRecorder` do not count). Only a
 * whole name can be a call site, so this decides whether a file that cannot be migrated
 * (too large, binary, not UTF-8) is worth reporting as an error.
 */
export function mentionsLegacyApiAsWord(bytes: Buffer): boolean {
  return NAMES.some((name) => {
    for (let at = bytes.indexOf(name); at !== -1; at = bytes.indexOf(name, at + 1)) {
      if (!isIdentifierByte(bytes[at - 1]) && !isIdentifierByte(bytes[at + name.length])) return true;
    }
    return false;
  });
}

/** ASCII letters, digits, `_` and `$`, and any non-ASCII byte (part of a Unicode identifier). */
function isIdentifierByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x5f || byte === 0x24 || byte >= 0x80
  );
}

/** Longest name, for searching a file chunk by chunk without missing a name cut in two. */
export const LONGEST_NAME_BYTES = Math.max(...NAMES.map((name) => name.length));
