// The public representations the read API built lately, by entity tag: a crowd asking the same
// URL (the portal's incident list) is answered from here without a query or a serialization, as a
// shared cache in front of the server would answer it. Sound for the reason a 304 is (plugin.ts):
// a tag names the URL, the viewer, the server version and the read model's state, so a body built
// for a tag is the body of every request that computes that tag. A tag is made before its body is
// built and may name a state older than the body (read-version.ts), never a newer one: a request
// that computes the older tag is one that raced that very build, and the newer body is right for
// it too. Bodies of past states are never asked for again and age out.
//
// Bounded by bytes and by count; least recently used out first (a Map keeps insertion order, and a
// hit is moved to the end).

export interface Representation {
  body: string | Buffer;
  contentType: string;
}

export class Representations {
  private readonly map = new Map<string, Representation>();
  private bytes = 0;

  constructor(
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly maxCount = 4096,
    /** Larger bodies are not kept (an export page, a large list): they would push out many. */
    private readonly maxBody = 1024 * 1024,
  ) {}

  get(tag: string): Representation | undefined {
    const r = this.map.get(tag);
    if (r) {
      this.map.delete(tag);
      this.map.set(tag, r);
    }
    return r;
  }

  put(tag: string, r: Representation): void {
    const size = Buffer.byteLength(r.body);
    if (size > this.maxBody || this.map.has(tag)) return;
    this.map.set(tag, r);
    this.bytes += size;
    for (const [old, o] of this.map) {
      if (this.bytes <= this.maxBytes && this.map.size <= this.maxCount) break;
      this.map.delete(old);
      this.bytes -= Buffer.byteLength(o.body);
    }
  }

  get size(): number {
    return this.map.size;
  }
}
