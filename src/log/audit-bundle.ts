// An entry bundle's entries as views into the bundle (c2sp.org/tlog-tiles: each entry a 16-bit
// big-endian length then its bytes), for the audit's hot path: src/tlog's decodeEntryBundle copies
// each entry into its own buffer (what a caller keeping entries wants), which cost the audit's
// main thread and workers about 1.7 µs an entry in allocations and garbage collection. The audit
// keeps an entry at most until its bundle is checked (the last partial bundle until the log grows),
// so views are enough. Same checks and errors as decodeEntryBundle (audit-bundle.test.ts).
import { decodeEntryBundle } from '../tlog/tiles.js';

export function entryViews(bytes: Uint8Array, width?: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let o = 0;
  while (o < bytes.length) {
    const len = o + 2 <= bytes.length ? (bytes[o]! << 8) | bytes[o + 1]! : -1;
    // Anything unusual (too many, truncated): decodeEntryBundle decides and words the error.
    if (out.length >= 256 || len < 0 || o + 2 + len > bytes.length)
      return decodeEntryBundle(bytes, width);
    out.push(bytes.subarray(o + 2, o + 2 + len));
    o += 2 + len;
  }
  if (width !== undefined && out.length !== width) return decodeEntryBundle(bytes, width);
  return out;
}
