// The right edge of a tiled Merkle tree (c2sp.org/tlog-tiles): for each tile level, the hashes of
// its last, not yet full tile. That is all a sequencer needs to append leaves, produce the tiles
// that changed and compute the root: every left sibling and every subtree of the root's
// decomposition lies in these tiles (full tiles to the left are summarized one level up).
import { HASH_SIZE, type Hasher } from '../tlog/hash.js';
import { treeHash, type HashSource } from '../tlog/merkle.js';
import { TILE_HEIGHT, TILE_WIDTH } from '../tlog/tiles.js';
import type { StoredTile } from '../store/store.js';

interface EdgeTile {
  index: number;
  hashes: Uint8Array[];
}

function perfectRoot(hashes: Uint8Array[], hasher: Hasher): Uint8Array {
  let row = hashes;
  while (row.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < row.length; i += 2) next.push(hasher.hashChildren(row[i]!, row[i + 1]!));
    row = next;
  }
  return row[0]!;
}

function concatHashes(hashes: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(hashes.length * HASH_SIZE);
  hashes.forEach((h, i) => out.set(h, i * HASH_SIZE));
  return out;
}

export class TreeEdge {
  private edge: EdgeTile[] = [];
  /** Tiles changed since the last takeChanged(): full ones keep their bytes, partial ones are read at take time. */
  private changed = new Map<string, { level: number; index: number; bytes?: Uint8Array }>();
  private _size = 0;

  constructor(private readonly hasher: Hasher) {}

  get size(): number {
    return this._size;
  }

  /**
   * Loads the edge of a tree of `size` leaves from its stored tiles: `read(level, index)` returns
   * the stored tile (at least as wide as the tree needs).
   */
  static async load(
    size: number,
    hasher: Hasher,
    read: (level: number, index: number) => Promise<StoredTile | undefined>,
  ): Promise<TreeEdge> {
    const t = new TreeEdge(hasher);
    t._size = size;
    for (let level = 0; ; level++) {
      const count = Math.floor(size / TILE_WIDTH ** level);
      if (count === 0) break;
      const index = Math.floor(count / TILE_WIDTH);
      const width = count % TILE_WIDTH;
      const hashes: Uint8Array[] = [];
      if (width > 0) {
        const tile = await read(level, index);
        if (!tile || tile.width < width) {
          throw new Error(
            `couldn't load the log: tile ${level}/${index} holds ${tile?.width ?? 0} hashes, the tree needs ${width}`,
          );
        }
        for (let i = 0; i < width; i++)
          hashes.push(tile.bytes.slice(i * HASH_SIZE, (i + 1) * HASH_SIZE));
      }
      t.edge[level] = { index, hashes };
    }
    return t;
  }

  /** Appends a leaf hash; returns its index. */
  append(leafHash: Uint8Array): number {
    this.push(0, leafHash);
    return this._size++;
  }

  private push(level: number, hash: Uint8Array): void {
    const e = (this.edge[level] ??= { index: 0, hashes: [] });
    e.hashes.push(hash);
    const key = `${level}/${e.index}`;
    if (e.hashes.length === TILE_WIDTH) {
      this.changed.set(key, { level, index: e.index, bytes: concatHashes(e.hashes) });
      const root = perfectRoot(e.hashes, this.hasher);
      this.edge[level] = { index: e.index + 1, hashes: [] };
      this.push(level + 1, root);
    } else {
      this.changed.set(key, { level, index: e.index });
    }
  }

  /** The tiles that changed since the last call, with their current bytes. */
  takeChanged(): StoredTile[] {
    const out: StoredTile[] = [];
    for (const c of this.changed.values()) {
      const bytes = c.bytes ?? concatHashes(this.edge[c.level]!.hashes);
      out.push({ level: c.level, index: c.index, width: bytes.length / HASH_SIZE, bytes });
    }
    this.changed.clear();
    return out;
  }

  /** A copy to roll back to if a batch fails to commit. */
  snapshot(): { edge: EdgeTile[]; size: number } {
    return {
      edge: this.edge.map((e) => ({ index: e.index, hashes: [...e.hashes] })),
      size: this._size,
    };
  }

  restore(s: { edge: EdgeTile[]; size: number }): void {
    this.edge = s.edge;
    this._size = s.size;
    this.changed.clear();
  }

  /** Perfect subtrees available in the edge (those of the root's decomposition among them). */
  readonly source: HashSource = (level, index) => {
    const tl = Math.floor(level / TILE_HEIGHT);
    const count = 2 ** (level % TILE_HEIGHT);
    const e = this.edge[tl];
    if (!e) return undefined;
    const off = index * count - e.index * TILE_WIDTH;
    if (off < 0 || off + count > e.hashes.length) return undefined;
    return perfectRoot(e.hashes.slice(off, off + count), this.hasher);
  };

  /** The RFC 6962 root of the current tree. */
  root(): Uint8Array {
    return treeHash(this._size, this.source, this.hasher);
  }
}
