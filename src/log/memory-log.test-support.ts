// Test support: a log held in memory in the c2sp.org/tlog-tiles layout (entry bundles and hash
// tiles by path), built from its entries, and a LogSource that serves it to the auditor.
import { TILE_WIDTH, encodeEntryBundle, entryBundlePath, tilePath } from '../tlog/tiles.js';
import { AuditError } from './audit-errors.js';
import type { LogSource } from './audit-source.js';
import { TreeEdge } from './edge.js';
import { nodeHasher } from './hasher.js';

/** Every entry bundle and hash tile of a log of `entries`, by path, and its root hash. */
export function tileFiles(entries: readonly Uint8Array[]): {
  files: Map<string, Uint8Array>;
  rootHash: Uint8Array;
} {
  const files = new Map<string, Uint8Array>();
  const edge = new TreeEdge(nodeHasher);
  for (let n = 0; n * TILE_WIDTH < entries.length; n++) {
    const chunk = entries.slice(n * TILE_WIDTH, (n + 1) * TILE_WIDTH);
    files.set(entryBundlePath(n, chunk.length), encodeEntryBundle(chunk));
    for (const e of chunk) edge.append(nodeHasher.hashLeaf(e));
    for (const t of edge.takeChanged()) files.set(tilePath(t.level, t.index, t.width), t.bytes);
  }
  return { files, rootHash: edge.root() };
}

/** Serves `files` and the checkpoint `note`; a missing file is the 404 an HTTP source reports. */
export function memorySource(files: Map<string, Uint8Array>, note: string): LogSource {
  const get = async (path: string) => {
    const b = files.get(path);
    if (!b) throw new AuditError('unreachable', `couldn't fetch ${path}: HTTP 404`);
    return b;
  };
  return {
    name: 'memory',
    checkpoint: async () => new TextEncoder().encode(note),
    tile: (l, n, w) => get(tilePath(l, n, w)),
    entries: (n, w) => get(entryBundlePath(n, w)),
  };
}
