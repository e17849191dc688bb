// Tiled transparency logs: c2sp.org/tlog-tiles — tile paths, which tiles a tree has, tile
// contents, and entry bundles.
//
//   <prefix>/tile/<L>/<N>[.p/<W>]        Merkle tree tiles
//   <prefix>/tile/entries/<N>[.p/<W>]    entry bundles
//
// Tile paths and tile / bundle bytes fetched from a server are attacker-controlled.

import { TlogError } from './errors.js';
import { HASH_SIZE, defaultHasher, type Hasher } from './hash.js';
import type { AsyncHashSource, HashSource } from './merkle.js';

/** c2sp.org/tlog-tiles#merkle-tree: "Full tiles MUST be exactly 256 hashes wide". */
export const TILE_WIDTH = 256;
/** A tile spans 8 levels of the Merkle tree (256 = 2^8). */
export const TILE_HEIGHT = 8;
/** c2sp.org/tlog-tiles#merkle-tree: `<L>` is "between 0 and 63". */
export const MAX_TILE_LEVEL = 63;
/** c2sp.org/tlog-tiles#log-entries: entries are uint16 length-prefixed, so at most 65,535 bytes. */
export const MAX_ENTRY_SIZE = 0xffff;

/** A Merkle tile: `level` 0..63, `index` N, `width` 1..256 (256 = full). */
export interface TileId {
  readonly level: number;
  readonly index: number;
  readonly width: number;
}

/** A parsed tile path: a hash tile or an entry bundle (`level: 'entries'`). */
export interface ParsedTilePath {
  readonly level: number | 'entries';
  readonly index: number;
  readonly width: number;
}

function checkIndex(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format tile path: index ${n} is not a non-negative integer`,
    );
  }
}
function checkWidth(w: number): void {
  if (!Number.isInteger(w) || w < 1 || w > TILE_WIDTH) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format tile path: width ${w} is not between 1 and 256`,
    );
  }
}

/** c2sp.org/tlog-tiles#merkle-tree: N in zero-padded 3-digit groups, all but the last prefixed `x`. */
export function formatTileIndex(n: number): string {
  checkIndex(n);
  const groups: string[] = [];
  let rest = n;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? 'x' + g : g)).join('/');
}

function suffix(width: number): string {
  checkWidth(width);
  return width === TILE_WIDTH ? '' : `.p/${width}`;
}

/** `tile/<L>/<N>[.p/<W>]` (relative to the log prefix). */
export function tilePath(level: number, index: number, width: number = TILE_WIDTH): string {
  if (!Number.isInteger(level) || level < 0 || level > MAX_TILE_LEVEL) {
    throw new TlogError(
      'invalid_argument',
      `couldn't format tile path: level ${level} is not between 0 and 63`,
    );
  }
  return `tile/${level}/${formatTileIndex(index)}${suffix(width)}`;
}

/** `tile/entries/<N>[.p/<W>]` (relative to the log prefix). */
export function entryBundlePath(index: number, width: number = TILE_WIDTH): string {
  return `tile/entries/${formatTileIndex(index)}${suffix(width)}`;
}

const LEVEL = /^(0|[1-9][0-9]?)$/;
const WIDTH = /^[1-9][0-9]{0,2}$/;

/**
 * Parses a tile path relative to the prefix (`tile/...`). Only canonical paths are accepted
 * (the formatter's output), so each resource has exactly one name. Attacker-controlled.
 */
export function parseTilePath(path: string): ParsedTilePath {
  const bad = (why: string): never => {
    throw new TlogError('malformed_tile', `couldn't parse tile path: ${why}`);
  };
  if (typeof path !== 'string' || path.length > 200) bad('not a short string');
  const parts = path.split('/');
  if (parts[0] !== 'tile' || parts.length < 3) bad('does not start with tile/<L>/');
  const levelText = parts[1]!;
  let level: number | 'entries';
  if (levelText === 'entries') level = 'entries';
  else if (LEVEL.test(levelText) && Number(levelText) <= MAX_TILE_LEVEL) level = Number(levelText);
  else return bad('level is not entries or 0..63');
  let rest = parts.slice(2);
  let width = TILE_WIDTH;
  const dot = rest.findIndex((p) => p.endsWith('.p'));
  if (dot >= 0) {
    if (dot !== rest.length - 2) bad('.p must be followed by exactly one width element');
    const w = rest[rest.length - 1]!;
    if (!WIDTH.test(w) || Number(w) > TILE_WIDTH - 1) bad('partial width is not 1..255');
    width = Number(w);
    rest = [...rest.slice(0, -2), rest[rest.length - 2]!.slice(0, -2)];
  }
  if (rest.length === 0 || rest.length > 6) bad('index has no or too many elements');
  let index = 0;
  rest.forEach((p, i) => {
    const last = i === rest.length - 1;
    const digits = last
      ? p
      : p.startsWith('x')
        ? p.slice(1)
        : bad('non-final index elements must start with x');
    if (!/^[0-9]{3}$/.test(digits)) bad('index elements must be 3 digits');
    index = index * 1000 + Number(digits);
  });
  if (!Number.isSafeInteger(index)) bad('index too large');
  const canonical =
    level === 'entries' ? entryBundlePath(index, width) : tilePath(level, index, width);
  if (canonical !== path) bad('not in canonical form');
  return { level, index, width };
}

/** Number of hashes stored at Merkle level 8*L for a tree of `size` leaves: floor(size / 256^L). */
function hashesAtTileLevel(size: number, level: number): number {
  return Math.floor(size / TILE_WIDTH ** level);
}

/** The width of tile (level, index) in a tree of `size`, or 0 if the tree has no such tile. */
export function tileWidthAt(level: number, index: number, size: number): number {
  const count = hashesAtTileLevel(size, level);
  return Math.max(0, Math.min(TILE_WIDTH, count - index * TILE_WIDTH));
}

/**
 * Every tile of a tree of `size` leaves (c2sp.org/tlog-tiles#partial-tiles): full tiles and the
 * partial tile of each level, level by level. Tree size 70,000 → 273 full + one partial (112) at
 * level 0, one full + one partial (17) at level 1, one partial (1) at level 2.
 * Entry bundles mirror the level-0 tiles.
 */
export function tilesForSize(size: number): TileId[] {
  return tilesBetween(0, size);
}

/**
 * The tiles that a tree of `newSize` has and a tree of `oldSize` does not (new tiles, and
 * partial tiles that grew, including partial tiles that became full). What the sequencer must
 * write when the tree grows from oldSize to newSize.
 */
export function tilesBetween(oldSize: number, newSize: number): TileId[] {
  if (
    !Number.isSafeInteger(oldSize) ||
    !Number.isSafeInteger(newSize) ||
    oldSize < 0 ||
    newSize < oldSize
  ) {
    throw new TlogError(
      'invalid_argument',
      `couldn't list tiles: need 0 <= oldSize <= newSize, got ${oldSize}, ${newSize}`,
    );
  }
  const out: TileId[] = [];
  for (let level = 0; level <= MAX_TILE_LEVEL && hashesAtTileLevel(newSize, level) > 0; level++) {
    const oldCount = hashesAtTileLevel(oldSize, level);
    const newCount = hashesAtTileLevel(newSize, level);
    if (newCount === oldCount) continue;
    const first = Math.floor(oldCount / TILE_WIDTH);
    const last = Math.ceil(newCount / TILE_WIDTH) - 1;
    for (let index = first; index <= last; index++) {
      const width = Math.min(TILE_WIDTH, newCount - index * TILE_WIDTH);
      out.push({ level, index, width });
    }
  }
  return out;
}

/** Splits tile bytes into `width` 32-byte hashes. Attacker-controlled. */
export function splitTile(bytes: Uint8Array, width: number): Uint8Array[] {
  if (
    !Number.isInteger(width) ||
    width < 1 ||
    width > TILE_WIDTH ||
    bytes.length !== width * HASH_SIZE
  ) {
    throw new TlogError(
      'malformed_tile',
      `couldn't read tile: ${bytes.length} bytes is not ${width} hashes`,
    );
  }
  const out: Uint8Array[] = [];
  for (let i = 0; i < width; i++) out.push(bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
  return out;
}

/**
 * The bytes of tile (level, index, width) from perfect-subtree hashes: hashes of Merkle level
 * 8*level, indexes index*256 .. index*256+width-1.
 */
export function tileFromSource(tile: TileId, source: HashSource): Uint8Array {
  const out = new Uint8Array(tile.width * HASH_SIZE);
  for (let j = 0; j < tile.width; j++) {
    const h = source(tile.level * TILE_HEIGHT, tile.index * TILE_WIDTH + j);
    if (h === undefined || h.length !== HASH_SIZE) {
      throw new TlogError(
        'missing_hash',
        `couldn't build tile ${tilePath(tile.level, tile.index, tile.width)}: hash ${j} missing`,
      );
    }
    out.set(h, j * HASH_SIZE);
  }
  return out;
}

/** Root of 2^k hashes (a perfect subtree). */
function perfectRoot(hashes: Uint8Array[], hasher: Hasher): Uint8Array {
  let row = hashes;
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(hasher.hashChildren(row[i]!, row[i + 1]!));
    row = next;
  }
  return row[0]!;
}

/** Where node (level, index) of a tree of `size` lives in the tiles, or undefined if absent. */
function locate(
  level: number,
  index: number,
  size: number,
): { tile: TileId; offset: number; count: number } | undefined {
  if (!Number.isSafeInteger(level) || !Number.isSafeInteger(index) || level < 0 || index < 0)
    return undefined;
  const tileLevel = Math.floor(level / TILE_HEIGHT);
  if (tileLevel > MAX_TILE_LEVEL) return undefined;
  const count = 2 ** (level % TILE_HEIGHT);
  const first = index * count; // first hash at Merkle level 8*tileLevel
  const tileIndex = Math.floor(first / TILE_WIDTH);
  const offset = first % TILE_WIDTH;
  const width = tileWidthAt(tileLevel, tileIndex, size);
  if (offset + count > width) return undefined;
  return { tile: { level: tileLevel, index: tileIndex, width }, offset, count };
}

/** Reads the bytes of a tile; undefined (or a rejected promise) if unavailable. */
export type TileReader = (tile: TileId) => Uint8Array | undefined;
export type AsyncTileReader = (
  tile: TileId,
) => Promise<Uint8Array | undefined> | Uint8Array | undefined;

/**
 * A HashSource (for merkle.ts proofs) backed by the tiles of a tree of `size` leaves. Tiles are
 * read through `read`, at most once each per source. Tile bytes are checked for length only:
 * proofs built from them are verified against a signed root by the caller.
 */
export function tileHashSource(
  size: number,
  read: TileReader,
  hasher: Hasher = defaultHasher,
): HashSource {
  const cache = new Map<string, Uint8Array[]>();
  return (level, index) => {
    const at = locate(level, index, size);
    if (at === undefined) return undefined;
    const key = `${at.tile.level}/${at.tile.index}`;
    let hashes = cache.get(key);
    if (hashes === undefined) {
      const bytes = read(at.tile);
      if (bytes === undefined) return undefined;
      hashes = splitTile(bytes, at.tile.width);
      cache.set(key, hashes);
    }
    return perfectRoot(hashes.slice(at.offset, at.offset + at.count), hasher);
  };
}

/** Async variant of tileHashSource (tiles fetched over HTTP or from object storage). */
export function tileHashSourceAsync(
  size: number,
  read: AsyncTileReader,
  hasher: Hasher = defaultHasher,
): AsyncHashSource {
  const cache = new Map<string, Promise<Uint8Array[] | undefined>>();
  return async (level, index) => {
    const at = locate(level, index, size);
    if (at === undefined) return undefined;
    const key = `${at.tile.level}/${at.tile.index}`;
    let pending = cache.get(key);
    if (pending === undefined) {
      pending = Promise.resolve(read(at.tile)).then((b) =>
        b === undefined ? undefined : splitTile(b, at.tile.width),
      );
      cache.set(key, pending);
    }
    const hashes = await pending;
    return hashes === undefined
      ? undefined
      : perfectRoot(hashes.slice(at.offset, at.offset + at.count), hasher);
  };
}

/** c2sp.org/tlog-tiles#log-entries: big-endian uint16 length-prefixed entries. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  if (entries.length > TILE_WIDTH) {
    throw new TlogError(
      'invalid_argument',
      `couldn't encode entry bundle: ${entries.length} entries, at most 256`,
    );
  }
  let n = 0;
  for (const e of entries) {
    if (e.length > MAX_ENTRY_SIZE) {
      throw new TlogError(
        'invalid_argument',
        `couldn't encode entry bundle: an entry is ${e.length} bytes, at most 65535`,
      );
    }
    n += 2 + e.length;
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const e of entries) {
    out[o] = e.length >> 8;
    out[o + 1] = e.length & 0xff;
    out.set(e, o + 2);
    o += 2 + e.length;
  }
  return out;
}

/**
 * Decodes an entry bundle. If `width` is given the bundle must hold exactly that many entries.
 * Attacker-controlled: any truncation or trailing byte is malformed_tile.
 */
export function decodeEntryBundle(bytes: Uint8Array, width?: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let o = 0;
  while (o < bytes.length) {
    if (out.length >= TILE_WIDTH)
      throw new TlogError('malformed_tile', `couldn't decode entry bundle: more than 256 entries`);
    if (o + 2 > bytes.length)
      throw new TlogError(
        'malformed_tile',
        `couldn't decode entry bundle: truncated length prefix`,
      );
    const len = (bytes[o]! << 8) | bytes[o + 1]!;
    o += 2;
    if (o + len > bytes.length)
      throw new TlogError('malformed_tile', `couldn't decode entry bundle: truncated entry`);
    out.push(bytes.slice(o, o + len));
    o += len;
  }
  if (width !== undefined && out.length !== width) {
    throw new TlogError(
      'malformed_tile',
      `couldn't decode entry bundle: ${out.length} entries, want ${width}`,
    );
  }
  return out;
}
