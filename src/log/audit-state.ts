// The state `truceline verify --state FILE` keeps between runs: the last checkpoint it verified,
// as the signed note verbatim (c2sp.org/signed-note text; re-checked with the log key when read).
// Written atomically: a temporary file in the same directory, fsync, rename, fsync the directory,
// so a crash leaves either the old state or the new one, never a torn file.
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AuditError } from './audit-errors.js';

/** Largest state file read (a checkpoint note with its cosignatures is well under this). */
const MAX_STATE_BYTES = 1 << 20;

/** The saved checkpoint note, or undefined when the file does not exist yet. */
export function readStateFile(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new AuditError(
      'bad_state',
      `couldn't read state ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  if (bytes.length > MAX_STATE_BYTES || bytes.length === 0)
    throw new AuditError('bad_state', `couldn't read state ${path}: not a checkpoint note`);
  return bytes.toString('utf8');
}

/** Replaces `path` with `text` atomically (see the top of this file). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    unlinkSync(tmp);
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    /* directories cannot be fsynced on every platform; the rename itself is atomic */
  }
}
