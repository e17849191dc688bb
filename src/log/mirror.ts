// `truceline mirror`: a verified local copy of a log (checkpoint, hash tiles, entry bundles) in the
// c2sp.org/tlog-tiles layout, so the directory can itself be served as the log. Every sync fetches
// the checkpoint, checks it against the policy, proves it consistent with the last checkpoint the
// mirror verified (from the served tiles), then rebuilds the new part of the tree from the new
// entries (audit.ts) and writes what it verified. The local checkpoint is replaced last, atomically:
// it names what the copy holds, verified. On start, the local copy is re-audited from its own files.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Policy } from '../tlog/policy.js';
import { AuditError } from './audit-errors.js';
import {
  Auditor,
  checkConsistency,
  verifyCheckpointNote,
  type AuditProgress,
  type VerifiedCheckpoint,
} from './audit.js';
import { dirLogSource, type LogSource } from './audit-source.js';
import { writeFileAtomic } from './audit-state.js';

export interface SyncResult {
  /** Size before and after this sync. */
  from: number;
  size: number;
  cosigners: readonly string[];
}

export class Mirror {
  private readonly auditor: Auditor;
  private current: VerifiedCheckpoint | undefined;

  constructor(
    private readonly source: LogSource,
    private readonly policy: Policy,
    private readonly dir: string,
    options: { onProgress?: (p: AuditProgress) => void; envelopes?: boolean } = {},
  ) {
    this.auditor = new Auditor({
      logVkeys: policy.logs.map((l) => l.vkey),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.envelopes === false ? { envelopes: false } : {}),
    });
  }

  get size(): number {
    return this.current?.checkpoint.size ?? 0;
  }

  /** Re-audits the local copy, if there is one (a tampered or torn copy is an error). */
  async open(): Promise<number> {
    mkdirSync(this.dir, { recursive: true });
    if (!existsSync(join(this.dir, 'checkpoint'))) return 0;
    const local = dirLogSource(this.dir);
    let cp: VerifiedCheckpoint;
    try {
      cp = verifyCheckpointNote(await local.checkpoint(), this.policy);
      await this.auditor.advance(local, cp.checkpoint, undefined, undefined);
    } catch (err) {
      throw new AuditError(
        'bad_state',
        `couldn't re-verify the local copy in ${this.dir}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    this.current = cp;
    return cp.checkpoint.size;
  }

  /** One round: fetch, verify, store. Throws AuditError (the caller alarms). */
  async sync(): Promise<SyncResult> {
    const from = this.size;
    const next = verifyCheckpointNote(await this.source.checkpoint(), this.policy);
    if (this.current) await checkConsistency(this.source, this.current.checkpoint, next.checkpoint);
    if (this.current && next.checkpoint.size === this.current.checkpoint.size) {
      return { from, size: from, cosigners: next.cosigners };
    }
    const written: string[] = [];
    const write = (path: string, bytes: Uint8Array) => {
      const file = join(this.dir, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomic(file, bytes);
      written.push(path);
    };
    await this.auditor.advance(this.source, next.checkpoint, this.current?.checkpoint, write);
    writeFileAtomic(join(this.dir, 'checkpoint'), next.note);
    this.current = next;
    this.dropSupersededPartials(written);
    return { from, size: next.checkpoint.size, cosigners: next.cosigners };
  }

  /**
   * After the checkpoint names the new tree, the narrower partial tiles of the old one are no
   * longer part of it (c2sp.org/tlog-tiles: a partial tile is read at the width the checkpoint
   * implies, and once the full tile exists the partial ones are not needed). Removing them after
   * the checkpoint is replaced means a crash here leaves only harmless extra files.
   */
  private dropSupersededPartials(written: readonly string[]): void {
    for (const path of written) {
      const partial = /^(.*)\.p\/(\d+)$/.exec(path);
      const base = partial ? partial[1]! : path;
      const keep = partial ? partial[2]! : undefined;
      const dir = join(this.dir, `${base}.p`);
      if (!existsSync(dir)) continue;
      if (keep === undefined) {
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      for (const width of readdirSync(dir))
        if (width !== keep) rmSync(join(dir, width), { force: true });
    }
  }
}
