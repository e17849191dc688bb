// Asking a witness to cosign (c2sp.org/tlog-witness add-checkpoint) over HTTP, with a timeout. A
// witness that is down, slow, or answers nonsense or a bad signature yields no cosignature and a
// recorded error: it never stops the log.
import { utf8Encode } from '../tlog/bytes.js';
import { cosignatureVerifier } from '../tlog/cosignature.js';
import type { NoteSignature, NoteVerifier } from '../tlog/note.js';
import {
  formatAddCheckpoint,
  parseCosignatureLines,
  parseSizeBody,
} from '../tlog/witness-request.js';

export interface WitnessEndpoint {
  /** The witness's key name. */
  name: string;
  /** Its cosignature/v1 verifier key. */
  vkey: string;
  /** Its submission prefix: requests go to `<url>/add-checkpoint`. */
  url: string;
}

export interface WitnessStatus {
  name: string;
  url: string;
  /** The size the witness last cosigned for us, as far as we know. */
  cosignedSize: number | null;
  ok: boolean;
  lastError: string | null;
  lastAttemptAt: string | null;
}

export const DEFAULT_WITNESS_TIMEOUT_MS = 3000;

export class WitnessClient {
  private knownSize: number | undefined;
  private readonly verifier: NoteVerifier;
  readonly status: WitnessStatus;

  constructor(
    readonly endpoint: WitnessEndpoint,
    private readonly timeoutMs: number,
    /** RFC 6962 consistency proof between two integrated sizes. */
    private readonly proof: (size1: number, size2: number) => Promise<Uint8Array[]>,
  ) {
    this.verifier = cosignatureVerifier(endpoint.vkey);
    this.status = {
      name: endpoint.name,
      url: endpoint.url,
      cosignedSize: null,
      ok: false,
      lastError: null,
      lastAttemptAt: null,
    };
  }

  /** The witness's verified cosignature of `text` (the checkpoint body), or undefined with status.lastError set. */
  async cosign(signedNote: string, text: string, size: number): Promise<NoteSignature | undefined> {
    this.status.lastAttemptAt = new Date().toISOString();
    try {
      // One deadline over the whole exchange (proof building, request, retry after 409): a witness
      // or a step that never finishes must not hold back the checkpoint.
      const sig = await withDeadline(
        this.attempt(signedNote, text, size),
        this.timeoutMs * 3,
        `witness ${this.endpoint.name} did not finish within ${this.timeoutMs * 3} ms`,
      );
      this.status.ok = true;
      this.status.lastError = null;
      this.status.cosignedSize = size;
      return sig;
    } catch (err) {
      this.status.ok = false;
      this.status.lastError = (err as Error).message;
      return undefined;
    }
  }

  private async attempt(signedNote: string, text: string, size: number): Promise<NoteSignature> {
    for (let tries = 0; tries < 2; tries++) {
      const old = this.knownSize ?? 0;
      if (old > size)
        throw new Error(
          `witness has cosigned size ${old}, above our ${size}: a split view or a rolled-back log`,
        );
      const proof = old === 0 || old === size ? [] : await this.proof(old, size);
      const res = await fetch(`${this.endpoint.url}/add-checkpoint`, {
        method: 'POST',
        body: formatAddCheckpoint({ oldSize: old, proof, checkpoint: signedNote }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const body = await res.text();
      if (res.status === 409) {
        // The witness tells us its latest cosigned size; retry once from there.
        this.knownSize = parseSizeBody(body);
        continue;
      }
      if (res.status !== 200)
        throw new Error(`witness answered ${res.status}: ${body.trim().slice(0, 200)}`);
      const mine = parseCosignatureLines(body).find(
        (s) => s.name === this.verifier.name && s.hash === this.verifier.hash,
      );
      if (!mine) throw new Error('witness answered without a cosignature by its key');
      if (!this.verifier.verify(utf8Encode(text), mine.signature))
        throw new Error('witness answered with an invalid cosignature');
      this.knownSize = size;
      return mine;
    }
    throw new Error('witness kept answering 409 Conflict');
  }
}

function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
