// Test support: a mission with one signing user per role, whose entries go through the workflow
// check, into the log (store.integrate, as the sequencer does) and into the read model.
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { signEnvelope, type Envelope } from '../core/envelope.js';
import type { EntryKind } from '../core/records/kinds.js';
import { MissionDocSchema, type MissionDoc } from '../core/records/mission.js';
import { signerFromNoteKey, type Signer } from '../core/signing.js';
import { possessionProof } from '../core/keys/possession.js';
import { commitmentDigest } from '../core/workflow/confidential.js';
import type { Decision } from '../core/workflow/rules.js';
import { base64Encode } from '../tlog/bytes.js';
import { formatCheckpoint } from '../tlog/checkpoint.js';
import { cosignCheckpoint } from '../tlog/cosignature.js';
import { addSignatures, ed25519NoteSigner, parseNote, signNote } from '../tlog/note.js';
import { SIG_TYPE_COSIGNATURE_V1, generateNoteKey } from '../tlog/note-key.js';
import { quorumTimestamp } from '../tlog/witness-time.js';
import type { Store } from './store.js';
import { WorkflowStore } from './workflow-store.js';

export function loadPakAfg(): MissionDoc {
  const text = readFileSync(new URL('../../missions/pak-afg.json', import.meta.url), 'utf8');
  return MissionDocSchema.parse(JSON.parse(text));
}

export type Submitted = Decision & { env: Envelope; index?: number };

/** When an entry is filed: the server's clock for the rules, and the witnesses' for its log time. */
export interface FiledAt {
  /** The server's clock at filing (default: the signed `at` when given, else now). */
  now?: string;
  /** The time the witnesses attest for the checkpoint covering it (default: `now`); null: none yet. */
  loggedAt?: string | null;
}

export class WorkflowKit {
  readonly signers = new Map<string, Signer>();
  private readonly logKey = generateNoteKey('kit.example/log');
  /** The mission's witnesses (its quorum of them cosign every checkpoint the kit writes). */
  private readonly witnessKeys = loadPakAfg().witnesses.map((w) => ({
    name: w.name,
    ...generateNoteKey(w.name, { type: SIG_TYPE_COSIGNATURE_V1 }),
  }));
  private constructor(
    readonly store: Store,
    readonly wf: WorkflowStore,
    readonly doc: MissionDoc,
  ) {}

  /**
   * Each organisation's first demo user is its key steward (its vkey listed in the mission, as
   * `serve --demo` provisions it) and registers its own key; other users' keys are registered by
   * their steward with proof of possession (src/core/keys/registry.ts).
   */
  static async create(store: Store, given = loadPakAfg()): Promise<WorkflowKit> {
    const signers = new Map<string, Signer>();
    for (const u of given.demoUsers) {
      const key = generateNoteKey(`${u.name}.${given.slug}`);
      signers.set(u.name, await signerFromNoteKey(key.skey));
    }
    const stewardOf = new Map<string, string>();
    for (const u of given.demoUsers) if (!stewardOf.has(u.org)) stewardOf.set(u.org, u.name);
    const doc: MissionDoc = {
      ...given,
      organisations: given.organisations.map((o) =>
        stewardOf.has(o.code) ? { ...o, stewards: [signers.get(stewardOf.get(o.code)!)!.vkey] } : o,
      ),
    };
    const kit = new WorkflowKit(store, new WorkflowStore(store), doc);
    for (const [name, s] of signers) kit.signers.set(name, s);
    await store.createMission(doc, '2025-10-01T00:00:00.000Z');
    const stewards = new Set(stewardOf.values());
    const ordered = [
      ...doc.demoUsers.filter((u) => stewards.has(u.name)),
      ...doc.demoUsers.filter((u) => !stewards.has(u.name)),
    ];
    for (const u of ordered) {
      const s = kit.signer(u.name);
      const steward = stewards.has(u.name);
      const body = { action: 'register', user: u.name, org: u.org, role: u.role, vkey: s.vkey };
      const { bytes, envelope } = await signEnvelope(
        {
          mission: doc.slug,
          kind: 'key',
          body: steward ? body : { ...body, proof: await possessionProof(s, doc.slug, u.name) },
          at: '2025-10-01T00:00:00.000Z',
        },
        steward ? s : kit.signer(stewardOf.get(u.org)!),
      );
      await kit.integrate([{ envelope, bytes }]);
    }
    await kit.wf.catchUp(doc.slug);
    return kit;
  }

  signer(user: string): Signer {
    const s = this.signers.get(user);
    if (!s) throw new Error(`no user ${user}`);
    return s;
  }

  async sign(user: string, kind: EntryKind, body: unknown, at?: string) {
    return signEnvelope(
      {
        mission: this.doc.slug,
        kind,
        body: body as Record<string, unknown>,
        ...(at ? { at } : {}),
      },
      this.signer(user),
    );
  }

  /**
   * Appends to the log as the sequencer does (no check), publishes a checkpoint covering it whose
   * witness cosignatures carry `loggedAt` (none when null), then brings the read model up to date.
   */
  async integrate(
    items: { envelope: Envelope; bytes: Uint8Array }[],
    receivedAt?: string,
    loggedAt?: string | null,
  ) {
    const size = await this.store.logSize(this.doc.slug);
    await this.store.integrate(this.doc.slug, {
      oldSize: size,
      newSize: size + items.length,
      entries: items.map(({ envelope: env, bytes }) => ({
        id: env.id,
        kind: env.kind,
        author: env.author,
        at: env.at,
        bytes,
      })),
      tiles: [],
      receivedAt: receivedAt ?? new Date().toISOString(),
    });
    const witnessed = loggedAt === undefined ? (receivedAt ?? new Date().toISOString()) : loggedAt;
    await this.checkpoint(size + items.length, witnessed);
    await this.wf.catchUp(this.doc.slug);
    return size;
  }

  /**
   * Publishes a checkpoint of `size` as the sequencer does: signed by the log key, cosigned by the
   * witness quorum at `loggedAt` (POSIX seconds on the wire), its log time computed from the note
   * (src/tlog/witness-time.ts). The read model's tests never check proofs, so the root is not
   * computed here. With `loggedAt` null the checkpoint has no cosignatures and no log time.
   */
  async checkpoint(size: number, loggedAt: string | null): Promise<void> {
    const text = formatCheckpoint({
      origin: 'kit.example/log',
      size,
      rootHash: new Uint8Array(32),
      extensions: [],
    });
    let note = signNote(text, [ed25519NoteSigner(this.logKey.skey)]);
    const quorum = this.doc.witnessQuorum;
    if (loggedAt !== null) {
      const seconds = Math.floor(Date.parse(loggedAt) / 1000);
      note = addSignatures(
        note,
        this.witnessKeys.slice(0, quorum).map((w) => cosignCheckpoint(text, w.skey, seconds)),
      );
    }
    const n = parseNote(note);
    const ts = quorum > 0 ? quorumTimestamp(n.text, n.signatures, this.witnessKeys, quorum) : null;
    await this.store.putCheckpoint(
      this.doc.slug,
      size,
      note,
      new Date().toISOString(),
      ts === null ? null : new Date(ts * 1000).toISOString(),
    );
  }

  /**
   * The POST path: check, then append only when accepted. An entry signed `at` a given time is
   * filed at that time (the server's clock and its log time) unless `filed` says otherwise.
   */
  async submit(
    user: string,
    kind: EntryKind,
    body: unknown,
    at?: string,
    filed: FiledAt = {},
  ): Promise<Submitted> {
    const { envelope, bytes } = await this.sign(user, kind, body, at);
    const now = filed.now ?? at ?? new Date().toISOString();
    const d = await this.wf.check(this.doc.slug, envelope, {
      channel: 'public',
      caller: user,
      now,
    });
    if (!d.ok) return { ...d, env: envelope };
    const loggedAt = filed.loggedAt === undefined ? now : filed.loggedAt;
    const index = await this.integrate([{ envelope, bytes }], now, loggedAt);
    return { ...d, env: envelope, index };
  }

  /** The confidential path: the inner record is checked and stored privately; its commitment is logged. */
  async submitConfidential(user: string, kind: EntryKind, body: unknown) {
    const inner = await this.sign(user, kind, body);
    const d = await this.wf.check(this.doc.slug, inner.envelope, {
      channel: 'confidential',
      caller: user,
    });
    if (!d.ok) return { ...d, env: inner.envelope };
    const salt = randomBytes(32);
    const org = this.doc.demoUsers.find((u) => u.name === user)!.org;
    const commitment = await this.sign(user, 'commitment', {
      digest: commitmentDigest(salt, inner.bytes),
      side: org,
    });
    const entryText = new TextDecoder().decode(inner.bytes);
    await this.wf.confidential.put(this.doc.slug, {
      commitment: commitment.envelope.id,
      side: org,
      salt: base64Encode(salt),
      entry: entryText,
      createdAt: new Date().toISOString(),
    });
    await this.integrate([commitment]);
    return {
      ok: true as const,
      env: inner.envelope,
      commitment: commitment.envelope,
      salt: base64Encode(salt),
      entry: entryText,
    };
  }
}
