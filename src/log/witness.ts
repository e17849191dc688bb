// A c2sp.org/tlog-witness witness: verifies add-checkpoint requests against the logs it trusts,
// keeps the latest cosigned checkpoint per origin in a state file, and cosigns
// (c2sp.org/tlog-cosignature, cosignature/v1). The state is written atomically (temporary file,
// fsync, rename, fsync of the directory) BEFORE the cosignature is returned, and requests are
// handled one at a time, so the check of the old size and the update are atomic (the race the
// spec describes cannot happen).
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { base64Encode, bytesEqual, base64DecodeOrUndefined } from '../tlog/bytes.js';
import { parseCheckpoint } from '../tlog/checkpoint.js';
import { cosignCheckpoint } from '../tlog/cosignature.js';
import { isTlogError } from '../tlog/errors.js';
import { verifyConsistency } from '../tlog/merkle.js';
import { formatSignatureLine, openNote, parseNote } from '../tlog/note.js';
import {
  formatVerifierKey,
  parseSignerKey,
  parseVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
} from '../tlog/note-key.js';
import { noteVerifierFromKey } from '../tlog/verifier.js';
import {
  formatSizeBody,
  parseAddCheckpoint,
  TLOG_SIZE_CONTENT_TYPE,
} from '../tlog/witness-request.js';
import { nodeHasher } from './hasher.js';

export interface WitnessLog {
  /** The log's checkpoint origin. */
  origin: string;
  /** The log's verifier key(s) (Ed25519, type 0x01). */
  vkeys: string[];
}

export interface WitnessOptions {
  /** The witness's cosignature/v1 signer key (type 0x04). */
  skey: string;
  logs: WitnessLog[];
  /** JSON state file (created if absent). */
  statePath: string;
  /** POSIX seconds. */
  now?: () => number;
}

interface LogState {
  size: number;
  /** base64 root hash. */
  root: string;
  /** The last cosigned checkpoint with the log's signature and ours (monitoring API). */
  note: string;
}
interface WitnessState {
  logs: Record<string, LogState>;
}

export interface WitnessResponse {
  status: number;
  contentType: string;
  body: string;
}

const EMPTY_ROOT = nodeHasher.emptyRoot();

function reply(
  status: number,
  body: string,
  contentType = 'text/plain; charset=utf-8',
): WitnessResponse {
  return { status, contentType, body: body.endsWith('\n') ? body : body + '\n' };
}

/** Writes a file so that a crash leaves either the old or the new content, never a mix. */
export function writeFileAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  const dir = openSync(dirname(path), 'r');
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}

export class Witness {
  readonly name: string;
  readonly vkey: string;
  private state: WitnessState;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly now: () => number;

  constructor(private readonly options: WitnessOptions) {
    const key = parseSignerKey(options.skey);
    if (key.type !== SIG_TYPE_COSIGNATURE_V1)
      throw new Error(
        `couldn't start witness ${key.name}: its key is not a cosignature/v1 (0x04) key`,
      );
    this.name = key.name;
    this.vkey = formatVerifierKey(key.name, SIG_TYPE_COSIGNATURE_V1, key.publicKey);
    for (const l of options.logs) for (const v of l.vkeys) parseVerifierKey(v);
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
    this.state = Witness.readState(options.statePath);
  }

  private static readState(path: string): WitnessState {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { logs: {} };
      throw new Error(`couldn't read witness state ${path}: ${(err as Error).message}`);
    }
    const parsed = JSON.parse(text) as WitnessState;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.logs !== 'object')
      throw new Error(`couldn't read witness state ${path}: not a witness state file`);
    return parsed;
  }

  /** The latest cosigned size for an origin (0 if none). */
  sizeOf(origin: string): number {
    return this.state.logs[origin]?.size ?? 0;
  }

  /** POST <prefix>/add-checkpoint. Requests are serialized: check-and-update is atomic. */
  addCheckpoint(body: Uint8Array | string): Promise<WitnessResponse> {
    const run = this.queue.then(() => this.handle(body));
    this.queue = run.catch(() => {});
    return run;
  }

  /** GET <prefix>/<hex sha256(origin)>/checkpoint (monitoring), or undefined (404). */
  checkpointFor(originHash: string): string | undefined {
    for (const [origin, s] of Object.entries(this.state.logs)) {
      if (createHash('sha256').update(origin).digest('hex') === originHash) return s.note;
    }
    return undefined;
  }

  private handle(body: Uint8Array | string): WitnessResponse {
    // 400: the body is not an add-checkpoint request, or its checkpoint is not a checkpoint note.
    let req;
    let cp;
    let note;
    try {
      req = parseAddCheckpoint(body);
      note = parseNote(req.checkpoint);
      cp = parseCheckpoint(note.text);
    } catch (err) {
      return reply(400, isTlogError(err) ? err.message : 'malformed request');
    }
    // 404: an origin this witness does not know.
    const log = this.options.logs.find((l) => l.origin === cp.origin);
    if (!log) return reply(404, `unknown log origin ${cp.origin}`);
    // 403: no valid signature by a trusted key, or a bad one (openNote ignores unknown keys).
    let opened;
    try {
      opened = openNote(
        req.checkpoint,
        log.vkeys.map((v) => noteVerifierFromKey(v)),
      );
    } catch (err) {
      return reply(403, isTlogError(err) ? err.message : 'bad signature');
    }
    if (req.oldSize > cp.size)
      return reply(400, `old size ${req.oldSize} is above the checkpoint size ${cp.size}`);
    const known = this.state.logs[cp.origin];
    const knownSize = known?.size ?? 0;
    // 409: the client's idea of our latest size is wrong; tell it ours.
    if (req.oldSize !== knownSize)
      return reply(409, formatSizeBody(knownSize), TLOG_SIZE_CONTENT_TYPE);
    // 422: the checkpoint is not consistent with what we cosigned.
    if (cp.size === 0 && !bytesEqual(cp.rootHash, EMPTY_ROOT))
      return reply(422, 'a size-0 checkpoint must have the empty root');
    if (req.oldSize === 0) {
      if (req.proof.length !== 0)
        return reply(422, 'the proof must be empty when the old size is 0');
    } else if (req.oldSize === cp.size) {
      if (!bytesEqual(base64DecodeOrUndefined(known!.root) ?? new Uint8Array(), cp.rootHash))
        return reply(422, 'same size, different root hash');
      if (req.proof.length !== 0)
        return reply(422, 'the proof must be empty when the sizes are equal');
    } else {
      try {
        verifyConsistency(
          req.oldSize,
          cp.size,
          req.proof,
          base64DecodeOrUndefined(known!.root)!,
          cp.rootHash,
          nodeHasher,
        );
      } catch (err) {
        return reply(422, isTlogError(err) ? err.message : 'consistency proof failed');
      }
    }
    // Cosign, persist (durably, atomically) and only then answer.
    const sig = cosignCheckpoint(opened.text, this.options.skey, this.now());
    const line = formatSignatureLine(sig) + '\n';
    const logSig = opened.verified.map((s) => formatSignatureLine(s) + '\n').join('');
    const next: WitnessState = {
      logs: {
        ...this.state.logs,
        [cp.origin]: {
          size: cp.size,
          root: base64Encode(cp.rootHash),
          note: `${opened.text}\n${logSig}${line}`,
        },
      },
    };
    writeFileAtomic(this.options.statePath, JSON.stringify(next, null, 1) + '\n');
    this.state = next;
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: line };
  }
}
