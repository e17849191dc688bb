// Test support: signed logs holding commitments and reveals, built below the workflow rules (as a
// dishonest operator could write them: the server's reveal_matches rule never sees them), in the
// tlog-tiles layout with a checkpoint the log key signs, so only the reveal check can object.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { canonicalBytes } from '../core/canonical-json.js';
import { signEnvelope, type Envelope } from '../core/envelope.js';
import { exampleBody } from '../core/examples.js';
import { MissionDocSchema } from '../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../core/signing.js';
import { commitmentDigest } from '../core/workflow/confidential.js';
import { base64Encode } from '../tlog/bytes.js';
import { formatCheckpoint } from '../tlog/checkpoint.js';
import { generateNoteKey } from '../tlog/note-key.js';
import { ed25519NoteSigner, signNote } from '../tlog/note.js';
import { parsePolicy, type Policy } from '../tlog/policy.js';
import { tileFiles } from './memory-log.test-support.js';

const ORIGIN = 'example.org/pak-afg';
export const revealLogKey = generateNoteKey(ORIGIN);
/** The log key alone (no witnesses): the reveal check, not the quorum, is under test. */
export const revealPolicyText = `log ${revealLogKey.vkey}\nquorum none\n`;
export const revealPolicy: Policy = parsePolicy(revealPolicyText);

const doc = MissionDocSchema.parse(
  JSON.parse(readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8')),
);

export interface RevealParties {
  admin: Signer;
  pk: Signer;
  /** A key the log never registers. */
  stranger: Signer;
}

export async function revealParties(): Promise<RevealParties> {
  const key = async (name: string) => signerFromNoteKey(generateNoteKey(`${name}.pak-afg`).skey);
  return { admin: await key('admin'), pk: await key('pk-liaison'), stranger: await key('x') };
}

export async function sign(signer: Signer, kind: Envelope['kind'], body: unknown) {
  return signEnvelope({ mission: 'pak-afg', kind, body: body as Record<string, unknown> }, signer);
}

/**
 * The mission entry and the two key registrations every test log starts with, under the key rule
 * (src/core/keys): the mission lists each organisation's steward key, and each steward registers
 * its own key, self-signed (which is also its proof of possession).
 */
export async function genesis(p: RevealParties): Promise<Uint8Array[]> {
  const stewards: Record<string, string[]> = { OPS: [p.admin.vkey], PK: [p.pk.vkey] };
  const mission = {
    ...doc,
    organisations: doc.organisations.map((o) => ({ ...o, stewards: stewards[o.code] ?? [] })),
  };
  const reg = (s: Signer, user: string, org: string, role: string) => ({
    action: 'register',
    user,
    org,
    role,
    vkey: s.vkey,
    steward: true,
  });
  return [
    (await sign(p.admin, 'mission', mission)).bytes,
    (await sign(p.admin, 'key', reg(p.admin, 'admin', 'OPS', 'admin'))).bytes,
    (await sign(p.pk, 'key', reg(p.pk, 'pk-liaison', 'PK', 'party'))).bytes,
  ];
}

/** A confidential report by `author`, its commitment (signed by PK) and the matching reveal body. */
export async function committed(p: RevealParties, author: Signer = p.pk) {
  const inner = await sign(author, 'report', exampleBody('report'));
  const salt = new Uint8Array(randomBytes(32));
  const commitment = await sign(p.pk, 'commitment', {
    digest: commitmentDigest(salt, inner.bytes),
    side: 'PK',
  });
  const reveal = {
    commitment: commitment.envelope.id,
    salt: base64Encode(salt),
    entry: new TextDecoder().decode(inner.bytes),
  };
  return { inner, salt, commitment, reveal };
}

/** The inner entry with its body changed but its signature kept (still canonical JSON). */
export function resignedBody(inner: Envelope): Uint8Array {
  return canonicalBytes({ ...inner, body: { ...inner.body, title: 'A different title' } });
}

/** The log's files in the tlog-tiles layout and its signed checkpoint. */
export function buildTiles(entries: readonly Uint8Array[]): {
  files: Map<string, Uint8Array>;
  note: string;
} {
  const { files, rootHash } = tileFiles(entries);
  const text = formatCheckpoint({
    origin: ORIGIN,
    size: entries.length,
    rootHash,
    extensions: [],
  });
  return { files, note: signNote(text, [ed25519NoteSigner(revealLogKey.skey)]) };
}
