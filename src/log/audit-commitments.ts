// The commitments a log has logged so far, for checking its reveals (audit-reveals.ts), in bounded
// memory: a reveal may open a commitment from anywhere earlier in the log, so every commitment is
// kept, but past MEMORY_COMMITMENTS they move, as audit-ids.ts's ids do, to a table in SQLite's own
// temporary database (better-sqlite3, filename ""; https://sqlite.org/inmemorydb.html#temp_db)
// with a capped page cache, so a log of millions of commitments costs disk, not memory. SQLite
// unlinks the file as it opens it. Each commitment is kept as its index and its envelope's
// canonical text (what the reveal check reads: mission, id, author, digest, sealed fields).
import Database from 'better-sqlite3';
import { canonicalize } from '../core/canonical-json.js';
import type { Envelope } from '../core/envelope.js';
import type { IdIndexOptions } from './audit-ids.js';

/** Commitments kept in memory before the index moves to disk. */
const MEMORY_COMMITMENTS = 1 << 14;
const CACHE_KIB = 4096;
const COMMIT_EVERY = 4096;

export interface Commitment {
  index: number;
  envelope: Envelope;
}

export class CommitmentIndex {
  private readonly memoryLimit: number;
  private readonly cacheKiB: number;
  private memory: Map<string, Commitment> | undefined = new Map();
  private db: InstanceType<typeof Database> | undefined;
  private insert: Database.Statement | undefined;
  private find: Database.Statement | undefined;
  private uncommitted = 0;
  private count = 0;

  /** The same limits as the id index (tests make them small to exercise the disk). */
  constructor(options: IdIndexOptions = {}) {
    this.memoryLimit = Math.max(1, options.memoryIds ?? MEMORY_COMMITMENTS);
    this.cacheKiB = Math.max(16, options.cacheKiB ?? CACHE_KIB);
  }

  get size(): number {
    return this.count;
  }

  get onDisk(): boolean {
    return this.db !== undefined;
  }

  /** Records the commitment at `index` (ids are unique: the id index checked that first). */
  add(index: number, envelope: Envelope): void {
    this.count++;
    if (this.memory) {
      this.memory.set(envelope.id, { index, envelope });
      if (this.memory.size > this.memoryLimit) this.spill();
      return;
    }
    this.insert!.run(envelope.id, index, canonicalize(envelope));
    if (++this.uncommitted >= COMMIT_EVERY) {
      this.db!.exec('COMMIT; BEGIN');
      this.uncommitted = 0;
    }
  }

  get(id: string): Commitment | undefined {
    if (this.memory) return this.memory.get(id);
    const row = this.find!.get(id) as { idx: number; envelope: string } | undefined;
    return row && { index: row.idx, envelope: JSON.parse(row.envelope) as Envelope };
  }

  /** Frees the index (SQLite removes its temporary file). */
  close(): void {
    this.memory = undefined;
    this.db?.close();
    this.db = undefined;
  }

  private spill(): void {
    const db = new Database('');
    this.db = db;
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${this.cacheKiB}`);
    db.exec(
      'CREATE TABLE commitments (id TEXT PRIMARY KEY, idx INTEGER NOT NULL, envelope TEXT NOT NULL) WITHOUT ROWID',
    );
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO commitments (id, idx, envelope) VALUES (?, ?, ?)',
    );
    this.find = db.prepare('SELECT idx, envelope FROM commitments WHERE id = ?');
    db.exec('BEGIN');
    const memory = this.memory!;
    this.memory = undefined;
    for (const [id, c] of memory) this.insert.run(id, c.index, canonicalize(c.envelope));
    this.uncommitted = memory.size;
  }
}
