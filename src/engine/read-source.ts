import formatBytes from 'bytes';
import * as fs from 'fs';
import { LONGEST_NAME_BYTES, mentionsLegacyApi, mentionsLegacyApiAsWord } from './legacy-names';
import { messageOf } from './outcome';

/** The default for `--max-size`: far above hand-written source, below most bundled libraries. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/**
 * One file read once, and sorted:
 * - `candidate`: UTF-8 text that mentions the API; it goes on to the migration. `bytes` is
 *   kept to check, just before writing, that nobody changed the file in the meantime.
 * - `no-api`: cannot hold a call site, so it is left unchanged without being parsed.
 * - `unusable`: could hold a call site but cannot be migrated safely; `reason` says why and
 *   what to do. The file is reported as an error and never written.
 *
 * A problem only counts when the file could hold a site: a GBK-encoded comment or a video
 * file named `.ts` in a project is not worth failing the run for.
 */
export type SourceRead =
  | { kind: 'candidate'; text: string; bytes: Buffer; readOnly: boolean }
  | { kind: 'no-api' }
  | { kind: 'unusable'; reason: string };

/** `fatal` turns invalid bytes into an error instead of U+FFFD; `ignoreBOM` keeps a BOM in the text so it is written back. */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Synchronous on purpose: for the small files of a project, one `readFileSync` is several
 * times faster than the promise API, and callers read in short slices between which the
 * event loop runs (progress, Ctrl-C).
 */
export function readSource(filePath: string, maxBytes: number = DEFAULT_MAX_BYTES): SourceRead {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO that replaced a file since the walk must not block the run forever.
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { kind: 'unusable', reason: `could not read the file: ${messageOf(error)}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unusable', reason: 'not a regular file (a device, FIFO or socket); it was not read' };
    if (stat.size > maxBytes) return tooLarge(fd, stat.size, maxBytes);
    const bytes = readAll(fd, stat.size);
    if (bytes.length > maxBytes) return tooLarge(fd, bytes.length, maxBytes);
    return classify(bytes, stat);
  } catch (error) {
    return { kind: 'unusable', reason: `could not read the file: ${messageOf(error)}` };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * One buffer reused for every read: most files are sorted out by the text test and never
 * kept, and a fresh buffer per file would leave the garbage collector tens of megabytes
 * to find on a large tree (measured on 20,000 bench files: peak RSS 117 MB, 93 MB with reuse).
 * Only the files that are kept get a copy of their own.
 */
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The whole file, reading past `expectedSize` if it grew since fstat. The result may be `scratch` itself. */
function readAll(fd: number, expectedSize: number): Buffer {
  if (scratch.length < expectedSize + 1) scratch = Buffer.allocUnsafe(Math.max(expectedSize + 1, scratch.length * 2));
  let length = 0;
  for (;;) {
    const wanted = scratch.length - length;
    const read = fs.readSync(fd, scratch, length, wanted, null);
    if (read === 0) return scratch.subarray(0, length);
    length += read;
    // A regular file read short of what was asked has reached its end: no second call
    // just to be told so (one system call less per file on a 20,000-file tree).
    if (read < wanted) return scratch.subarray(0, length);
    if (length === scratch.length) {
      const larger = Buffer.allocUnsafe(scratch.length * 2);
      scratch.copy(larger);
      scratch = larger;
    }
  }
}

/** `bytes` may be the shared read buffer: whatever is kept is copied. */
function classify(bytes: Buffer, stat: fs.Stats): SourceRead {
  const hasNul = bytes.includes(0);
  if (!mentionsLegacyApi(bytes)) {
    // UTF-16 text spells `startRecord` with a NUL byte after (or before) each letter.
    if (hasNul && mentionsLegacyApiAsWord(withoutNuls(bytes))) return { kind: 'unusable', reason: binaryReason(bytes) };
    return { kind: 'no-api' };
  }
  // From here the file cannot be migrated unless it is clean UTF-8 text; that is worth an
  // error only if a name stands alone, as a call site's would.
  if (hasNul) return mentionsLegacyApiAsWord(bytes) ? { kind: 'unusable', reason: binaryReason(bytes) } : { kind: 'no-api' };
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    if (!mentionsLegacyApiAsWord(bytes)) return { kind: 'no-api' };
    // Files in another encoding (GBK comments are common in Chinese projects) cannot be
    // rewritten without corrupting their other characters.
    return { kind: 'unusable', reason: 'the file is not valid UTF-8; convert it to UTF-8 and run the codemod again' };
  }
  // A copy: the shared buffer is overwritten by the next read, and these bytes are
  // compared with the file on disk right before it is written.
  return { kind: 'candidate', text, bytes: Buffer.from(bytes), readOnly: (stat.mode & 0o222) === 0 };
}

function binaryReason(bytes: Buffer): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || looksUtf16(bytes);
  return utf16
    ? 'the file is UTF-16 text; convert it to UTF-8 and run the codemod again'
    : 'the file is binary (it holds NUL bytes), not source text; it was not migrated';
}

/** ASCII text in UTF-16 has a NUL in every other byte. */
function looksUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, 512);
  let nulsAtOdd = 0;
  let nulsAtEven = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) i % 2 === 0 ? nulsAtEven++ : nulsAtOdd++;
  return Math.max(nulsAtOdd, nulsAtEven) > sample.length * 0.4;
}

function withoutNuls(bytes: Buffer): Buffer {
  return Buffer.from(bytes.filter((byte) => byte !== 0));
}

/**
 * A file over the limit is not parsed (the parser's time and memory grow with it), but it
 * is searched for the API names in bounded chunks: only a large file that could hold a
 * call is an error.
 */
function tooLarge(fd: number, size: number, maxBytes: number): SourceRead {
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  let position = 0;
  // Each chunk starts a little before the previous one ended, so a name cut in two is seen.
  const overlap = LONGEST_NAME_BYTES - 1;
  for (;;) {
    const read = fs.readSync(fd, chunk, 0, chunk.length, position);
    if (read === 0) break;
    const part = chunk.subarray(0, read);
    if (mentionsLegacyApiAsWord(part) || (part.includes(0) && mentionsLegacyApiAsWord(withoutNuls(part)))) {
      const sizes = `${formatBytes(size, { unitSeparator: ' ' })}, over the ${formatBytes(maxBytes, { unitSeparator: ' ' })} limit`;
      return {
        kind: 'unusable',
        reason: `the file is too large to migrate safely (${sizes}); if it is your own code, run again with --max-size`,
      };
    }
    if (read < chunk.length) break;
    position += read - overlap;
  }
  return { kind: 'no-api' };
}
