// The tables every store driver holds, as kysely types: domain queries are written once against
// these (store.ts) and run on SQLite and PostgreSQL alike.
import type { Generated } from 'kysely';

export interface MissionsTable {
  slug: string;
  name: string;
  /** The validated mission document (JSON text). */
  doc: string;
  created_at: string;
}

export interface OrganisationsTable {
  mission: string;
  code: string;
  name: string;
  kind: string;
  country: string | null;
}

export interface UsersTable {
  id: string;
  mission: string;
  name: string;
  display_name: string;
  org: string;
  role: string;
  /** scrypt hash (see src/server/auth/passwords.ts); null for program-only users. */
  password_hash: string | null;
  created_at: string;
}

export interface ApiTokensTable {
  /** SHA-256 (hex) of the token: tokens are never stored in the clear. */
  token_hash: string;
  user_id: string;
  label: string;
  created_at: string;
}

export interface KeysTable {
  /** The envelope author id: key name + 8-hex key hash. */
  author: string;
  mission: string;
  user_id: string;
  vkey: string;
  created_at: string;
  revoked_at: string | null;
}

export interface EntriesTable {
  mission: string;
  /** The entry's index in the mission's log (0-based, dense). */
  idx: number;
  id: string;
  kind: string;
  author: string;
  at: string;
  /** The exact canonical entry bytes, as hashed into the log. */
  bytes: Uint8Array;
  received_at: string;
}

export interface SettingsTable {
  scope: string;
  name: string;
  value: string;
}

export interface LogTilesTable {
  mission: string;
  /** Tile level (0..63). */
  level: number;
  /** Tile index N. */
  idx: number;
  /** 1..256 hashes; 256 = full. */
  width: number;
  bytes: Uint8Array;
}

export interface LogStateTable {
  mission: string;
  /** Entries [0, size) are integrated into the tiles. */
  size: number;
}

export interface LogCheckpointsTable {
  mission: string;
  size: number;
  /** The signed checkpoint note with the cosignatures it was published with. */
  note: string;
  created_at: string;
}

/**
 * Log time per cosigned checkpoint (src/tlog/witness-time.ts): when a witness quorum attests the
 * tree of `size` existed. An entry's log time is that of the smallest size above its index.
 */
export interface LogTimesTable {
  mission: string;
  size: number;
  /** RFC 3339 UTC: the quorum-th smallest witness timestamp (the log's clock when no witnesses). */
  logged_at: string;
}

/**
 * The private half of a sealed entry (issue 9, finding 2): the full signed entry and its salt,
 * written in the same transaction as the log-signed commitment leaf that hides it (Store.integrate).
 */
export interface SealedEntriesTable {
  mission: string;
  /** The sealed record's own id (the id inside the entry). */
  record: string;
  /** Id of the commitment entry in the log, and its log index. */
  commitment: string;
  idx: number;
  kind: string;
  author: string;
  /** The author's organisation (the commitment's side). */
  side: string;
  /** Base64 of the 32-byte salt. */
  salt: string;
  /** The exact canonical entry bytes (SHA-256(salt ‖ entry) is the commitment's digest). */
  entry: Uint8Array;
}

export interface Database {
  missions: MissionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  keys: KeysTable;
  entries: EntriesTable;
  settings: SettingsTable;
  log_tiles: LogTilesTable;
  log_state: LogStateTable;
  log_checkpoints: LogCheckpointsTable;
  log_times: LogTimesTable;
  sealed_entries: SealedEntriesTable;
}

// Generated is re-exported for future auto-increment columns.
export type { Generated };
