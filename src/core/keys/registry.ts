// The key rule (issue 9, finding 1), one pure implementation for the server's `decide`, the read
// model's replay, `truceline verify` and the browser: who may register or revoke which key, given
// the mission document and the key entries logged before. A key's organisation and role are the
// user's own: the organisation is the one whose steward consents (or whose mission-listed steward
// key registers itself), the role is that organisation's `kind`. A steward registers another key only
// with the new key's proof of possession, so no one, the operator included, can register a key whose
// private half it does not hold, and no organisation can register keys in another's name.
import type { Envelope } from '../envelope.js';
import type { KeyBody } from '../records/key.js';
import type { MissionDoc, Role } from '../records/mission.js';
import { authorIdOf } from '../signing.js';
import { parseVerifierKey } from '../../tlog/note-key.js';
import { toHex } from '../../tlog/bytes.js';
import { possessionValid } from './possession.js';

/** The key rules, with what each says (merged into RULES in src/core/workflow/rules.ts). */
export const KEY_RULES = {
  key_consent:
    'a key is registered by itself when the mission lists it as a steward of its organisation, or by a registered key steward of the organisation',
  key_proof:
    'a steward registers a key only with the proof of possession the new key signed (src/core/keys/possession.ts)',
  key_org: 'a key belongs to the organisation of the steward that registers it',
  key_role: 'a key has the role of its organisation (its kind in the mission)',
  key_unique: 'a key is registered once, for one user, ever (also after it is revoked)',
  key_user: 'a key is registered for a user of its own organisation',
  key_known: 'a revocation names a registered key that is not yet revoked',
  key_revoke_by: 'a key is revoked by itself, a key steward of its organisation, or an admin',
} as const;
export type KeyRuleName = keyof typeof KEY_RULES;

export interface KeyHolder {
  author: string;
  vkey: string;
  user: string;
  org: string;
  role: Role;
  /** A key steward of its organisation (listed in the mission, or registered with steward: true). */
  steward: boolean;
  revoked: boolean;
}

/** The user account the server holds for the key's user: null when there is none. */
export interface KeyUserFact {
  org: string;
  role: string;
}

export type KeyChange = { register: KeyHolder } | { revoke: string };
export type KeyVerdict =
  | { ok: true; change: KeyChange }
  | { ok: false; status: 403 | 422; rule: KeyRuleName; why: string };

const no = (status: 403 | 422, rule: KeyRuleName, why: string): KeyVerdict => ({
  ok: false,
  status,
  rule,
  why,
});

/** The raw Ed25519 public key (hex) of a vkey, or undefined if it does not parse. */
function publicKeyOf(vkey: string): string | undefined {
  try {
    return toHex(parseVerifierKey(vkey).key);
  } catch {
    return undefined;
  }
}

export class KeyRegistry {
  private readonly byAuthor = new Map<string, KeyHolder>();
  /** Raw public keys ever registered (a key under a second name is still the same key). */
  private readonly byPublicKey = new Map<string, KeyHolder>();
  /** The organisation each user's keys belong to. */
  private readonly orgOfUser = new Map<string, string>();
  /** Raw public key of each mission-listed steward → its organisation. */
  private readonly listed = new Map<string, string>();
  private readonly kinds = new Map<string, Role>();

  constructor(readonly mission: MissionDoc) {
    for (const o of mission.organisations) {
      this.kinds.set(o.code, o.kind);
      for (const vkey of o.stewards ?? []) {
        const pk = publicKeyOf(vkey);
        if (pk) this.listed.set(pk, o.code);
      }
    }
  }

  /** Replays key entries in log order; entries the rule refuses change nothing. */
  static fromEntries(mission: MissionDoc, entries: Iterable<Envelope>): KeyRegistry {
    const r = new KeyRegistry(mission);
    for (const env of entries) r.admit(env);
    return r;
  }

  /** A registered key (revoked ones included). */
  get(author: string): KeyHolder | undefined {
    return this.byAuthor.get(author);
  }

  holders(): KeyHolder[] {
    return [...this.byAuthor.values()];
  }

  /** Checks and, when the rule allows it, applies a key entry. */
  admit(env: Envelope, user?: KeyUserFact | null): KeyVerdict {
    const v = this.check(env, user);
    if (v.ok) this.apply(v.change);
    return v;
  }

  /**
   * Whether the rule allows this key entry (already schema-checked; its envelope signature is
   * checked by the caller with the author's key, which for a self-registration is the body's vkey).
   * `user`: the server's account for the key's user (undefined where no account table is known:
   * on replay and in an offline audit).
   */
  check(env: Envelope, user?: KeyUserFact | null): KeyVerdict {
    if (env.kind !== 'key') throw new Error(`KeyRegistry.check: a ${env.kind} is not a key entry`);
    const b = env.body as KeyBody;
    return b.action === 'register' ? this.checkRegister(env, b, user) : this.checkRevoke(env, b);
  }

  private checkRegister(
    env: Envelope,
    b: Extract<KeyBody, { action: 'register' }>,
    user: KeyUserFact | null | undefined,
  ): KeyVerdict {
    const author = authorIdOf(b.vkey);
    const pk = publicKeyOf(b.vkey)!;
    const held = this.byAuthor.get(author) ?? this.byPublicKey.get(pk);
    if (held)
      return no(
        422,
        'key_unique',
        `${b.vkey.split('+')[0]} is already registered for ${held.user} of ${held.org}${held.revoked ? ' (revoked)' : ''}; generate a new key`,
      );
    let org: string;
    let steward: boolean;
    if (env.author === author) {
      const listed = this.listed.get(pk);
      if (!listed)
        return no(
          403,
          'key_consent',
          `${author} signs its own registration but no organisation lists it as a steward; ask your organisation's key steward to register it (with its proof of possession)`,
        );
      org = listed;
      steward = true;
    } else {
      const s = this.byAuthor.get(env.author);
      if (!s || s.revoked)
        return no(403, 'key_consent', `${env.author} is ${s ? 'revoked' : 'not a registered key'}`);
      if (!s.steward)
        return no(403, 'key_consent', `${s.user} of ${s.org} is not a key steward of ${s.org}`);
      if (b.proof === undefined)
        return no(
          403,
          'key_proof',
          `the body has no proof; the new key signs possessionMessage(mission, user, vkey)`,
        );
      if (!possessionValid(env.mission, b.user, b.vkey, b.proof))
        return no(
          403,
          'key_proof',
          `the proof does not verify with ${author} for user ${b.user} of mission ${env.mission}`,
        );
      org = s.org;
      steward = b.steward === true;
    }
    if (b.org !== org)
      return no(403, 'key_org', `the key is registered for ${b.org}, its steward is of ${org}`);
    const kind = this.kinds.get(org);
    if (b.role !== kind)
      return no(403, 'key_role', `${org} is ${kind ? `a ${kind}` : 'unknown'}, not a ${b.role}`);
    const userOrg = this.orgOfUser.get(b.user);
    if (userOrg !== undefined && userOrg !== org)
      return no(403, 'key_user', `${b.user} holds keys of ${userOrg}, not ${org}`);
    if (user === null)
      return no(
        422,
        'key_user',
        `no user ${b.user} in this mission (an admin creates it first: truceline users create)`,
      );
    if (user && (user.org !== org || user.role !== kind))
      return no(403, 'key_user', `${b.user} is a ${user.role} of ${user.org}, not of ${org}`);
    return {
      ok: true,
      change: {
        register: { author, vkey: b.vkey, user: b.user, org, role: kind, steward, revoked: false },
      },
    };
  }

  private checkRevoke(env: Envelope, b: Extract<KeyBody, { action: 'revoke' }>): KeyVerdict {
    const target = this.byAuthor.get(b.key);
    if (!target || target.revoked)
      return no(422, 'key_known', `${b.key} is ${target ? 'already revoked' : 'not registered'}`);
    if (env.author === b.key) return { ok: true, change: { revoke: b.key } };
    const s = this.byAuthor.get(env.author);
    if (!s || s.revoked)
      return no(403, 'key_revoke_by', `${env.author} is ${s ? 'revoked' : 'not a registered key'}`);
    if (s.role === 'admin' || (s.steward && s.org === target.org))
      return { ok: true, change: { revoke: b.key } };
    return no(
      403,
      'key_revoke_by',
      `${s.user} of ${s.org} is ${s.steward ? `a steward of ${s.org}` : 'not a steward'}, the key is of ${target.org}`,
    );
  }

  apply(change: KeyChange): void {
    if ('register' in change) {
      const k = change.register;
      this.byAuthor.set(k.author, k);
      const pk = publicKeyOf(k.vkey);
      if (pk) this.byPublicKey.set(pk, k);
      this.orgOfUser.set(k.user, k.org);
    } else {
      const k = this.byAuthor.get(change.revoke);
      if (k) k.revoked = true;
    }
  }
}
