// Reading a log back from the store: tiles (sliced to the width a tree size needs), RFC 6962 roots
// and proofs over them, and entry bundles. Full tiles are immutable and cached; a stored partial
// tile only grows, and the first W hashes of any later version are the tile of width W.
import {
  consistencyProofAsync,
  inclusionProofAsync,
  treeHashAsync,
  type AsyncHashSource,
} from '../tlog/merkle.js';
import { HASH_SIZE, type Hasher } from '../tlog/hash.js';
import { TILE_WIDTH, encodeEntryBundle, tileHashSourceAsync } from '../tlog/tiles.js';
import type { Store } from '../store/store.js';
import { nodeHasher } from './hasher.js';

const MAX_CACHED_TILES = 4096;
const MAX_CACHED_NODES = 200_000;

export class LogReader {
  private readonly cache = new Map<string, { width: number; bytes: Uint8Array }>();

  constructor(
    readonly store: Store,
    readonly mission: string,
    readonly hasher: Hasher = nodeHasher,
  ) {}

  /** The bytes of hash tile (level, index) at `width`, or undefined if the log has no such tile. */
  async readTile(level: number, index: number, width: number): Promise<Uint8Array | undefined> {
    const key = `${level}/${index}`;
    let got = this.cache.get(key);
    if (!got || got.width < width) {
      const t = await this.store.getTile(this.mission, level, index);
      if (!t) return undefined;
      got = { width: t.width, bytes: t.bytes };
      if (this.cache.size >= MAX_CACHED_TILES) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
      this.cache.set(key, got);
    }
    if (got.width < width) return undefined;
    return got.width === width ? got.bytes : got.bytes.subarray(0, width * HASH_SIZE);
  }

  /**
   * Perfect-subtree hashes of the tree of `size` leaves (which must be integrated). A perfect
   * subtree's hash never changes once it exists, so computed ones are cached across sizes.
   */
  source(size: number): AsyncHashSource {
    const inner = tileHashSourceAsync(
      size,
      (t) => this.readTile(t.level, t.index, t.width),
      this.hasher,
    );
    return async (level, index) => {
      const key = `${level}/${index}`;
      const hit = this.nodes.get(key);
      if (hit) return hit;
      const h = await inner(level, index);
      if (h) {
        if (this.nodes.size >= MAX_CACHED_NODES) this.nodes.clear();
        this.nodes.set(key, h);
      }
      return h;
    };
  }

  private readonly nodes = new Map<string, Uint8Array>();

  rootAt(size: number): Promise<Uint8Array> {
    return treeHashAsync(size, this.source(size), this.hasher);
  }

  inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    return inclusionProofAsync(index, size, this.source(size), this.hasher);
  }

  /** RFC 6962 consistency proof; empty when size1 is 0 or equals size2 (nothing to prove). */
  async consistencyProof(size1: number, size2: number): Promise<Uint8Array[]> {
    if (size1 === 0 || size1 === size2) return [];
    return consistencyProofAsync(size1, size2, this.source(size2), this.hasher);
  }

  /** The entry bundle N of width W (c2sp.org/tlog-tiles#log-entries), or undefined if incomplete. */
  async entryBundle(index: number, width: number): Promise<Uint8Array | undefined> {
    if (width < 1 || width > TILE_WIDTH) return undefined;
    const rows = await this.store.listEntries(this.mission, index * TILE_WIDTH, width);
    if (rows.length !== width) return undefined;
    return encodeEntryBundle(rows.map((r) => r.bytes));
  }
}
