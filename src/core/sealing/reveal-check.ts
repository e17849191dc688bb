// Checking a reveal against the commitment it opens (issue 9, finding 2): the one pure check that
// the server (before appending a reveal), `truceline verify` (src/log/audit-reveals.ts) and the
// browser ("revealed and matches commitment at index N") all run. Every input is attacker-controlled.
// What it does not do: check the revealed entry's signature, which needs the author's registered
// key; callers do that with verifyEnvelope and the key the log registered.
import { parseEntry, type Envelope } from '../envelope.js';
import type { BodyOf } from '../records/kinds.js';
import { revealMatches } from '../workflow/confidential.js';
import { utf8Encode } from '../../tlog/bytes.js';

export type RevealCheck = { ok: true; entry: Envelope } | { ok: false; why: string };

/**
 * Whether `reveal` (a reveal body) opens `commitment` (a commitment envelope): SHA-256(salt ‖ entry)
 * is its digest, the entry is an envelope of the same mission, and, for a log-signed commitment of
 * a sealed entry, the entry's kind, author and id are the commitment's clear fields.
 */
export function checkReveal(
  commitment: Envelope,
  reveal: BodyOf<'reveal'>,
  /** How messages name the commitment, e.g. "the commitment at entry 3". */
  label = 'the commitment',
): RevealCheck {
  if (commitment.kind !== 'commitment')
    return { ok: false, why: `it names ${commitment.id}, a ${commitment.kind} entry` };
  const c = commitment.body;
  if (reveal.commitment !== commitment.id)
    return { ok: false, why: `it names commitment ${reveal.commitment}, not ${commitment.id}` };
  if (!revealMatches(c.digest, reveal.salt, reveal.entry))
    return {
      ok: false,
      why: `its salt and entry do not hash to the digest of ${label} (${c.digest})`,
    };
  let entry: Envelope;
  try {
    entry = parseEntry(utf8Encode(reveal.entry));
  } catch (err) {
    return {
      ok: false,
      why: `the entry it reveals is not a valid envelope: ${(err as Error).message}`,
    };
  }
  if (entry.mission !== commitment.mission)
    return { ok: false, why: `the entry it reveals belongs to mission ${entry.mission}` };
  const s = c.sealed;
  if (s) {
    if (entry.kind !== s.kind)
      return { ok: false, why: `the entry it reveals is a ${entry.kind}, ${label} says ${s.kind}` };
    if (entry.author !== s.author)
      return {
        ok: false,
        why: `the entry it reveals is by ${entry.author}, ${label} says ${s.author}`,
      };
    if (entry.id !== s.record)
      return { ok: false, why: `the entry it reveals is ${entry.id}, ${label} says ${s.record}` };
  }
  return { ok: true, entry };
}
