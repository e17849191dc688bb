// Reads a mission's log as c2sp.org/tlog-tiles lays it out under /log/<slug>/: the checkpoint, the
// policy, hash tiles and entry bundles. Everything it returns is attacker-controlled: callers prove
// it against a checkpoint they verified. Tiles are fetched once per page (a Map of promises).
import {
  TILE_WIDTH,
  decodeEntryBundle,
  entryBundlePath,
  tileHashSourceAsync,
  tilePath,
  tileWidthAt,
  type AsyncHashSource,
  type TileId,
} from '../../../src/tlog/index.js';
import { VerifyFailure } from './failure.js';

export class LogClient {
  readonly prefix: string;
  private readonly tiles = new Map<string, Promise<Uint8Array>>();
  private readonly bundles = new Map<string, Promise<Uint8Array[]>>();
  /** Bytes fetched, for the log page's progress. */
  fetched = 0;

  constructor(readonly slug: string) {
    this.prefix = `/log/${encodeURIComponent(slug)}/`;
  }

  private async get(path: string, what: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(path, { cache: 'no-store' });
    } catch (err) {
      throw new VerifyFailure(
        'fetch',
        (m) => m.whyFetch(what, 'the server did not answer'),
        undefined,
        {
          cause: err,
        },
      );
    }
    if (!res.ok) throw new VerifyFailure('fetch', (m) => m.whyFetch(what, `HTTP ${res.status}`));
    return res;
  }

  async text(path: string, what: string): Promise<string> {
    const t = await (await this.get(path, what)).text();
    this.fetched += t.length;
    return t;
  }

  async bytes(path: string, what: string): Promise<Uint8Array> {
    const b = new Uint8Array(await (await this.get(path, what)).arrayBuffer());
    this.fetched += b.length;
    return b;
  }

  checkpoint(): Promise<string> {
    return this.text(`${this.prefix}checkpoint`, `${this.prefix}checkpoint`);
  }

  policy(): Promise<string> {
    return this.text(`${this.prefix}policy`, `${this.prefix}policy`);
  }

  tile(t: TileId): Promise<Uint8Array> {
    const path = tilePath(t.level, t.index, t.width);
    let p = this.tiles.get(path);
    if (!p) {
      p = this.bytes(this.prefix + path, path);
      this.tiles.set(path, p);
    }
    return p;
  }

  /** The Merkle hashes of a tree of `size`, read from the tiles (c2sp.org/tlog-tiles). */
  hashSource(size: number): AsyncHashSource {
    return tileHashSourceAsync(size, (t) => this.tile(t));
  }

  /** The entries of bundle `n` in a tree of `size` (the bundle mirrors the level-0 tile). */
  bundle(n: number, size: number): Promise<Uint8Array[]> {
    const width = tileWidthAt(0, n, size);
    const path = entryBundlePath(n, width);
    let p = this.bundles.get(path);
    if (!p) {
      p = this.bytes(this.prefix + path, path).then((b) => decodeEntryBundle(b, width));
      this.bundles.set(path, p);
    }
    return p;
  }

  /** The bytes of entry `index` as the server serves them in a tree of `size`. */
  async entry(index: number, size: number): Promise<Uint8Array> {
    const n = Math.floor(index / TILE_WIDTH);
    const entries = await this.bundle(n, size);
    const e = entries[index % TILE_WIDTH];
    if (!e) {
      throw new VerifyFailure('fetch', (m) =>
        m.whyFetch(entryBundlePath(n, tileWidthAt(0, n, size)), `no entry ${index}`),
      );
    }
    return e;
  }
}
