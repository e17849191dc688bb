// A bundle's verdicts as an audit worker sends them to the main thread (audit-worker.ts,
// audit-pool.ts). An object per entry with its own kind, mission, author and key strings cost the
// main thread about 1.8 µs an entry to deserialize (bench/verify-stages.ts measures a worker's
// own stages at about 70 µs); here the few distinct strings of a bundle travel once, the ids as
// one string, the rest in typed arrays, and the main thread rebuilds each verdict from them.
// Only the copy changes: unpack(pack(v)) deep-equals v (audit-verdicts.test.ts).
import type { Envelope } from '../core/envelope.js';
import type { EnvelopeHead, WorkerVerdict } from './audit-worker.js';

/** What crosses between the threads for one bundle. */
export interface PackedVerdicts {
  /** The distinct kinds, missions, authors and keys the entries name. */
  strings: string[];
  /** Four indexes into `strings` an entry: kind, mission, author, key (NONE when absent). */
  fields: Uint16Array;
  /** The entries' ids one after another; entry i's is ids.slice(offsets[i], offsets[i + 1]). */
  ids: string;
  offsets: Uint32Array;
  /** Per entry: bit 0, the signature was checked; bit 1, it verified. */
  flags: Uint8Array;
  /** Entries sent whole, by position in the bundle. */
  whole: Array<[number, Envelope]>;
  /** Entries that failed to parse, by position, with the reason. */
  errors: Array<[number, string]>;
}

const NONE = 0xffff;
const CHECKED = 1;
const OK = 2;

export function packVerdicts(verdicts: readonly WorkerVerdict[]): PackedVerdicts {
  const n = verdicts.length;
  const strings: string[] = [];
  const table = new Map<string, number>();
  const at = (s: string | undefined): number => {
    if (s === undefined) return NONE;
    let i = table.get(s);
    if (i === undefined) {
      i = strings.length;
      // More distinct strings than an index holds (four per entry of a 256-entry bundle cannot
      // reach it): refuse rather than mix entries up.
      if (i >= NONE) throw new Error('too many distinct strings in a bundle');
      strings.push(s);
      table.set(s, i);
    }
    return i;
  };
  const fields = new Uint16Array(n * 4).fill(NONE);
  const offsets = new Uint32Array(n + 1);
  const flags = new Uint8Array(n);
  const ids: string[] = [];
  const whole: PackedVerdicts['whole'] = [];
  const errors: PackedVerdicts['errors'] = [];
  let length = 0;
  verdicts.forEach((v, i) => {
    if ('error' in v) errors.push([i, v.error]);
    else {
      fields[i * 4] = at(v.head.kind);
      fields[i * 4 + 1] = at(v.head.mission);
      fields[i * 4 + 2] = at(v.head.author);
      fields[i * 4 + 3] = at(v.vkey);
      ids.push(v.head.id);
      length += v.head.id.length;
      if (v.ok !== undefined) flags[i] = CHECKED | (v.ok ? OK : 0);
      if (v.envelope) whole.push([i, v.envelope]);
    }
    offsets[i + 1] = length;
  });
  return { strings, fields, ids: ids.join(''), offsets, flags, whole, errors };
}

export function unpackVerdicts(p: PackedVerdicts): WorkerVerdict[] {
  const n = p.flags.length;
  if (p.fields.length !== n * 4 || p.offsets.length !== n + 1)
    throw new Error('an audit worker sent verdicts of the wrong length');
  const out = new Array<WorkerVerdict>(n);
  for (const [i, error] of p.errors) out[i] = { error };
  const whole = new Map(p.whole);
  const str = (i: number): string | undefined => (i === NONE ? undefined : p.strings[i]);
  for (let i = 0; i < n; i++) {
    if (out[i] !== undefined) continue;
    const kind = str(p.fields[i * 4]!);
    const mission = str(p.fields[i * 4 + 1]!);
    const author = str(p.fields[i * 4 + 2]!);
    if (kind === undefined || mission === undefined || author === undefined)
      throw new Error(`an audit worker sent no head for entry ${i} of a bundle`);
    const head: EnvelopeHead = {
      kind: kind as EnvelopeHead['kind'],
      id: p.ids.slice(p.offsets[i], p.offsets[i + 1]),
      mission,
      author,
    };
    const v: WorkerVerdict & { head: EnvelopeHead } = { head };
    const envelope = whole.get(i);
    if (envelope) v.envelope = envelope;
    const vkey = str(p.fields[i * 4 + 3]!);
    if (vkey !== undefined) v.vkey = vkey;
    if (p.flags[i]! & CHECKED) v.ok = (p.flags[i]! & OK) !== 0;
    out[i] = v;
  }
  return out;
}
