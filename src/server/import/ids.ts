// Deterministic entry ids for imports, so importing the same file twice adds nothing: the log
// refuses an entry whose id it already holds (src/log/admission.ts), and the id of a row's entries
// depends only on the mission, the source's event id and the entry's role. Still a valid UUIDv7
// (RFC 9562 §5.7): the 48-bit time is the event's date, and the "random" bits are SHA-256 bits.
import { createHash } from 'node:crypto';

export function importId(mission: string, sourceKey: string, role: string, atMs: number): string {
  const h = createHash('sha256')
    .update(`truceline/import/v1\n${mission}\n${sourceKey}\n${role}`)
    .digest();
  const b = Buffer.alloc(16);
  const ms = Math.max(0, Math.min(atMs, 2 ** 48 - 1));
  b.writeUIntBE(ms, 0, 6);
  h.copy(b, 6, 0, 10);
  b[6] = 0x70 | (b[6]! & 0x0f); // version 7
  b[8] = 0x80 | (b[8]! & 0x3f); // variant 10
  const x = b.toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}
