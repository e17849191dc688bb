// Parse each entry once (issue 12, item 1): the submission pipeline has already parsed and checked
// every entry it appends (admission's envelope; for a sealed entry also the commitment the log key
// signed), so it hands the parsed forms to the read model here, keyed by the leaf's id, and the
// projection takes them instead of parsing the leaf again (and, for a sealed entry, instead of
// reading and parsing its private half from sealed_entries). A handed-over form is used only when
// the stored leaf's bytes are the very bytes it was parsed from; anything else (a rebuild, another
// process, an entry appended twice under one id by racing requests) is parsed from the log as before.
import type { Envelope } from '../../core/envelope.js';

export interface HandedLeaf {
  /** The leaf's bytes as appended. */
  bytes: Uint8Array;
  /** The leaf parsed (the entry itself, or the log-signed commitment that holds its place). */
  envelope: Envelope;
  /** For a sealed leaf: the entry it hides (its private half), parsed. */
  sealed?: Envelope;
}

/** Past this many unclaimed leaves the oldest are dropped (they are then parsed from the log). */
const MAX_HANDED = 65_536;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

export class LeafHandoff {
  private readonly leaves = new Map<string, HandedLeaf>();

  /** The pipeline is about to append this leaf (its id is the log entry's id). */
  hand(id: string, leaf: HandedLeaf): void {
    this.leaves.set(id, leaf);
    if (this.leaves.size > MAX_HANDED) this.leaves.delete(this.leaves.keys().next().value!);
  }

  /** The append failed: nothing will claim it. */
  drop(id: string): void {
    this.leaves.delete(id);
  }

  /** The parsed forms of the stored leaf `id`, if handed over for exactly these bytes. */
  claim(id: string, bytes: Uint8Array): HandedLeaf | undefined {
    const leaf = this.leaves.get(id);
    if (!leaf) return undefined;
    this.leaves.delete(id);
    return sameBytes(leaf.bytes, bytes) ? leaf : undefined;
  }

  get size(): number {
    return this.leaves.size;
  }
}
