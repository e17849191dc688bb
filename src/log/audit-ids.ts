// The audit's unique-id check (audit-keys.ts: "every entry … with a unique id") in bounded memory.
//
// An auditor cannot lean on the order of ids: UUIDv7 ids carry their author's clock (RFC 9562 §5.7),
// authors sign offline and submit late, and a hostile log may order them any way it likes, so a
// sliding window over "recent" ids would miss a duplicate placed far from its original. The check
// is therefore exact over every id ever seen: the first MEMORY_IDS ids are kept in a Map (small
// logs, tests), after which all of them move to a B-tree in SQLite's own temporary database
// (better-sqlite3, filename ""; https://sqlite.org/inmemorydb.html#temp_db) with the id as primary
// key. SQLite's page cache is capped (CACHE_KIB), so the memory used does not grow with the log;
// the temporary file does (about 60 bytes an id, in SQLITE_TMPDIR, TMPDIR or /var/tmp). SQLite
// unlinks that file as soon as it opens it, so it goes however the process ends. UUIDv7 ids of an
// honest log arrive nearly sorted, so inserts land at the right edge of the B-tree and stay cheap;
// a hostile order costs disk reads, never a missed duplicate.
//
// Ids are compared as the exact strings signed (IdSchema accepts either case, as before).
import Database from 'better-sqlite3';
import { AuditError } from './audit-errors.js';

/** Ids kept in memory before the index moves to disk. */
const MEMORY_IDS = 1 << 16;
/** SQLite's page cache for the index, in KiB: the bound on its memory. */
const CACHE_KIB = 8192;
/** Rows per INSERT statement (one statement per row costs about three times as much). */
const CHUNK = 64;
/** Rows per transaction. */
const COMMIT_EVERY = 1 << 16;

type Db = InstanceType<typeof Database>;

export interface IdIndexOptions {
  /** Ids kept in memory before moving to disk (tests use a small number). */
  memoryIds?: number;
  /** SQLite's page cache in KiB (tests use a small one, so that pages go to the file). */
  cacheKiB?: number;
}

export class IdIndex {
  private readonly memoryIds: number;
  private readonly cacheKiB: number;
  private memory: Map<string, number> | undefined = new Map();
  private db: Db | undefined;
  private insertOne: Database.Statement | undefined;
  private insertChunk: Database.Statement | undefined;
  private findOne: Database.Statement | undefined;
  private readonly pending: Array<string | number> = [];
  private uncommitted = 0;
  private count = 0;

  constructor(options: IdIndexOptions = {}) {
    this.memoryIds = Math.max(1, options.memoryIds ?? MEMORY_IDS);
    this.cacheKiB = Math.max(16, options.cacheKiB ?? CACHE_KIB);
  }

  /** Ids recorded so far. */
  get size(): number {
    return this.count;
  }

  /** Whether the index has moved to disk. */
  get onDisk(): boolean {
    return this.db !== undefined;
  }

  /**
   * Records that entry `index` (in log order) uses `id`. Throws AuditError('bad_entry') naming
   * both entries when an earlier one used it; on disk, the check of the last few ids may wait for
   * the next flush() (at most CHUNK ids).
   */
  add(id: string, index: number): void {
    this.count++;
    if (this.memory) {
      const earlier = this.memory.get(id);
      if (earlier !== undefined) throw duplicate(id, index, earlier);
      this.memory.set(id, index);
      if (this.memory.size > this.memoryIds) this.spill();
      return;
    }
    this.pending.push(id, index);
    if (this.pending.length === CHUNK * 2) this.insertPending();
  }

  /** Checks every id added so far (the audit calls it after each bundle and at the end). */
  flush(): void {
    if (!this.db) return;
    this.insertPending();
    if (this.uncommitted > 0) {
      this.db.exec('COMMIT; BEGIN');
      this.uncommitted = 0;
    }
  }

  /** Frees the index (SQLite removes its temporary file); the object must not be used afterwards. */
  close(): void {
    this.memory = undefined;
    this.db?.close();
    this.db = undefined;
  }

  private spill(): void {
    // A scratch database for this connection alone, not made durable (no fsync).
    const db = new Database('');
    this.db = db;
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${this.cacheKiB}`);
    db.exec('CREATE TABLE ids (id TEXT PRIMARY KEY, idx INTEGER NOT NULL) WITHOUT ROWID');
    this.insertOne = db.prepare('INSERT INTO ids (id, idx) VALUES (?, ?)');
    this.insertChunk = db.prepare(
      `INSERT INTO ids (id, idx) VALUES ${Array<string>(CHUNK).fill('(?, ?)').join(', ')}`,
    );
    this.findOne = db.prepare('SELECT idx FROM ids WHERE id = ?').pluck();
    db.exec('BEGIN');
    const memory = this.memory!;
    this.memory = undefined;
    for (const [id, index] of memory) this.pending.push(id, index);
    this.flush();
  }

  private insertPending(): void {
    const p = this.pending;
    let at = 0;
    while (p.length - at >= CHUNK * 2) {
      const rows = p.slice(at, at + CHUNK * 2);
      try {
        this.insertChunk!.run(rows);
      } catch (err) {
        if (!isConstraint(err)) throw err;
        this.insertRowByRow(rows);
      }
      at += CHUNK * 2;
    }
    this.insertRowByRow(p.slice(at));
    this.uncommitted += p.length / 2;
    p.length = 0;
    if (this.uncommitted >= COMMIT_EVERY) {
      this.db!.exec('COMMIT; BEGIN');
      this.uncommitted = 0;
    }
  }

  /**
   * One row at a time, finding the entry that used an id first. Safe whatever a failed chunk may
   * have left behind: a row already there with its own index is that row.
   */
  private insertRowByRow(rows: Array<string | number>): void {
    for (let i = 0; i < rows.length; i += 2) {
      const id = rows[i] as string;
      const index = rows[i + 1] as number;
      const earlier = this.findOne!.get(id) as number | undefined;
      if (earlier === index) continue;
      if (earlier !== undefined)
        throw duplicate(id, Math.max(index, earlier), Math.min(index, earlier));
      this.insertOne!.run(id, index);
    }
  }
}

function isConstraint(err: unknown): boolean {
  return String((err as { code?: unknown }).code ?? '').startsWith('SQLITE_CONSTRAINT');
}

function duplicate(id: string, index: number, earlier: number): AuditError {
  return new AuditError(
    'bad_entry',
    `couldn't verify entry ${index}: its id ${id} was already used by an earlier entry (entry ${earlier})`,
  );
}
