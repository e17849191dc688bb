// Test support for the key rule: fixed keys (from fixed seeds), the demo mission with stewards for
// PK, AF, QA and OPS, and key envelopes whose proofs of possession are real Ed25519 signatures.
// The rule never checks envelope signatures itself (admission and the audit do), so these
// envelopes carry a placeholder signature.
import { readFileSync } from 'node:fs';
import type { Envelope } from '../envelope.js';
import { MissionDocSchema, type MissionDoc } from '../records/mission.js';
import { authorIdOf } from '../signing.js';
import { base64Encode } from '../../tlog/bytes.js';
import { ed25519Sign } from '../../tlog/ed25519.js';
import { generateNoteKey } from '../../tlog/note-key.js';
import { possessionMessage } from './possession.js';
import { KeyRegistry } from './registry.js';

export interface FixedKey {
  vkey: string;
  skey: string;
  seed: Uint8Array;
  author: string;
}

export function fixedKey(name: string, fill: number): FixedKey {
  const seed = new Uint8Array(32).fill(fill);
  const k = generateNoteKey(`${name}.pak-afg`, { seed });
  return { vkey: k.vkey, skey: k.skey, seed, author: authorIdOf(k.vkey) };
}

export const KEYS = {
  pk: fixedKey('pk-liaison', 21),
  af: fixedKey('af-liaison', 22),
  qa: fixedKey('qa-mediator', 23),
  admin: fixedKey('admin', 24),
  /** A second AF key (af-liaison's new device). */
  af2: fixedKey('af-liaison-2', 25),
  /** A key no organisation lists. */
  stray: fixedKey('stray', 26),
};

const STEWARDS: Record<string, FixedKey> = {
  PK: KEYS.pk,
  AF: KEYS.af,
  QA: KEYS.qa,
  OPS: KEYS.admin,
};

export function missionWithStewards(): MissionDoc {
  const doc = MissionDocSchema.parse(
    JSON.parse(readFileSync(new URL('../../../missions/pak-afg.json', import.meta.url), 'utf8')),
  );
  return {
    ...doc,
    organisations: doc.organisations.map((o) =>
      STEWARDS[o.code] ? { ...o, stewards: [STEWARDS[o.code]!.vkey] } : o,
    ),
  };
}

let n = 0;
export function keyEnvelope(author: string, body: Record<string, unknown>): Envelope {
  n++;
  // A hand-made envelope whose body no schema checked (the type says a checked one).
  return {
    v: 1,
    mission: 'pak-afg',
    kind: 'key',
    id: `019a0a4c-2f00-7000-8000-${String(900000 + n).padStart(12, '0')}`,
    at: '2025-10-20T10:00:00.000Z',
    author,
    body,
    sig: 'A'.repeat(86) + '==',
  } as Envelope;
}

/** The proof `key` signs for registering it for `user` in pak-afg. */
export function proofOf(key: FixedKey, user: string, mission = 'pak-afg'): string {
  return base64Encode(ed25519Sign(possessionMessage(mission, user, key.vkey), key.seed));
}

export function registerBody(
  key: FixedKey,
  user: string,
  org: string,
  role: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { action: 'register', user, org, role, vkey: key.vkey, ...extra };
}

/** A registry where PK, AF, QA and OPS stewards registered themselves. */
export function stewardRegistry(): KeyRegistry {
  const r = new KeyRegistry(missionWithStewards());
  const self = (k: FixedKey, user: string, org: string, role: string) => {
    const v = r.admit(keyEnvelope(k.author, registerBody(k, user, org, role)));
    if (!v.ok) throw new Error(`${user}: ${v.why}`);
  };
  self(KEYS.pk, 'pk-liaison', 'PK', 'party');
  self(KEYS.af, 'af-liaison', 'AF', 'party');
  self(KEYS.qa, 'qa-mediator', 'QA', 'mediator');
  self(KEYS.admin, 'admin', 'OPS', 'admin');
  return r;
}
