// Transparency log trust policies: c2sp.org/tlog-policy — parse a policy file, evaluate its
// quorum over a set of witnesses that cosigned, and verify a checkpoint against it.
//
//   log <vkey> [<url>]
//   witness <name> <vkey> [<url>]
//   group <name> all|any|<k> <name>...
//   quorum <name>|none
//
// Policy files can come from the network (`/log/<slug>/policy`): attacker-controlled until the
// user chooses to trust them.
// Deviation: the spec treats non-ASCII octets as opaque; we require the file to be UTF-8 (key
// names in vkeys must be UTF-8 anyway) and compare names as strings.

import { bytesEqual, utf8DecodeOrUndefined } from './bytes.js';
import { openCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';
import { parseCosignature } from './cosignature.js';
import { TlogError } from './errors.js';
import { SIG_TYPE_COSIGNATURE_V1, parseVerifierKey, type VerifierKey } from './note-key.js';
import { parseNote, type NoteVerifier } from './note.js';
import { noteVerifierFromKey } from './verifier.js';

/** c2sp.org/tlog-policy#defining-the-quorum: the predefined name meaning "no cosignatures". */
export const QUORUM_NONE = 'none';
/** Our limits (the spec recommends supporting at least 32 logs, 32 witnesses and 32 groups). */
export const MAX_POLICY_BYTES = 256 * 1024;
export const MAX_POLICY_ITEMS = 1024;

export interface PolicyLog {
  readonly vkey: string;
  readonly key: VerifierKey;
  readonly url?: string;
}
export interface PolicyWitness {
  /** Policy-local name, used by groups and the quorum. */
  readonly name: string;
  readonly vkey: string;
  readonly key: VerifierKey;
  readonly url?: string;
}
export interface PolicyGroup {
  readonly name: string;
  /** k: at least this many members must have witnessed (any = 1, all = n). */
  readonly threshold: number;
  readonly members: readonly string[];
  /** How the threshold was written (`all`, `any` or the number), for formatting. */
  readonly written: string;
}
export interface Policy {
  readonly logs: readonly PolicyLog[];
  readonly witnesses: readonly PolicyWitness[];
  readonly groups: readonly PolicyGroup[];
  /** A witness name, a group name, or 'none'. */
  readonly quorum: string;
}

// c2sp.org/tlog-policy#character-set: tab, newline, 0x20-0x7E and 0x80-0xFF only.
// eslint-disable-next-line no-control-regex
const BAD_CHAR = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// c2sp.org/tlog-policy#structure: whitespace is ASCII space and tab only.
const WS = /[ \t]+/;
const K = /^[1-9][0-9]{0,5}$/;

/** Parses a tlog-policy file. Throws TlogError('malformed_policy'). */
export function parsePolicy(input: string | Uint8Array): Policy {
  const fail = (line: number, why: string): never => {
    throw new TlogError(
      'malformed_policy',
      `couldn't parse policy${line > 0 ? ` line ${line}` : ''}: ${why}`,
    );
  };
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    if (!(input instanceof Uint8Array)) return fail(0, 'not text');
    if (input.length > MAX_POLICY_BYTES) return fail(0, 'too large');
    const d = utf8DecodeOrUndefined(input);
    if (d === undefined) return fail(0, 'not UTF-8');
    text = d;
  }
  if (text.length > MAX_POLICY_BYTES) fail(0, 'too large');
  if (BAD_CHAR.test(text)) fail(0, 'contains a control character other than tab and newline');

  const logs: PolicyLog[] = [];
  const witnesses: PolicyWitness[] = [];
  const groups: PolicyGroup[] = [];
  const defined = new Set<string>();
  const keyIds = new Set<string>();
  let quorum: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i]!.replace(/^[ \t]+|[ \t]+$/g, '');
    if (line === '' || line.startsWith('#')) continue;
    if (logs.length + witnesses.length + groups.length >= MAX_POLICY_ITEMS)
      fail(n, 'too many definitions');
    const f = line.split(WS);
    const vkeyOf = (s: string | undefined): VerifierKey => {
      if (s === undefined) return fail(n, 'missing vkey');
      try {
        return parseVerifierKey(s);
      } catch (e) {
        throw new TlogError('malformed_policy', `couldn't parse policy line ${n}: bad vkey`, {
          cause: e,
        });
      }
    };
    const checkNewKey = (
      k: VerifierKey,
      list: ReadonlyArray<{ key: VerifierKey }>,
      what: string,
    ): void => {
      if (list.some((o) => bytesEqual(o.key.key, k.key))) fail(n, `duplicate ${what} key`);
    };
    switch (f[0]) {
      case 'log': {
        if (f.length < 2 || f.length > 3) fail(n, 'expected: log <vkey> [<url>]');
        const key = vkeyOf(f[1]);
        checkNewKey(key, logs, 'log');
        logs.push({ vkey: f[1]!, key, ...(f[2] === undefined ? {} : { url: f[2] }) });
        break;
      }
      case 'witness': {
        if (f.length < 3 || f.length > 4) fail(n, 'expected: witness <name> <vkey> [<url>]');
        const name = f[1]!;
        if (name === QUORUM_NONE || defined.has(name))
          fail(n, `name ${JSON.stringify(name)} is reserved or already defined`);
        const key = vkeyOf(f[2]);
        checkNewKey(key, witnesses, 'witness');
        const id = `${key.name}\n${key.hash}`;
        if (keyIds.has(id)) fail(n, 'two witness keys share a key name and key ID');
        keyIds.add(id);
        defined.add(name);
        witnesses.push({ name, vkey: f[2]!, key, ...(f[3] === undefined ? {} : { url: f[3] }) });
        break;
      }
      case 'group': {
        if (f.length < 4) fail(n, 'expected: group <name> all|any|<k> <name>...');
        const name = f[1]!;
        if (name === QUORUM_NONE || defined.has(name))
          fail(n, `name ${JSON.stringify(name)} is reserved or already defined`);
        const members = f.slice(3);
        const seen = new Set<string>();
        for (const m of members) {
          if (m === QUORUM_NONE) fail(n, `'none' cannot be a group member`);
          if (!defined.has(m))
            fail(n, `member ${JSON.stringify(m)} is not defined on an earlier line`);
          if (seen.has(m)) fail(n, `member ${JSON.stringify(m)} is listed twice`);
          seen.add(m);
        }
        const written = f[2]!;
        let threshold: number;
        if (written === 'all') threshold = members.length;
        else if (written === 'any') threshold = 1;
        else if (K.test(written)) threshold = Number(written);
        else return fail(n, 'threshold must be all, any or a decimal number');
        if (threshold < 1 || threshold > members.length)
          fail(n, `threshold ${threshold} is not between 1 and ${members.length}`);
        defined.add(name);
        groups.push({ name, threshold, members, written });
        break;
      }
      case 'quorum': {
        if (f.length !== 2) fail(n, 'expected: quorum <name>');
        if (quorum !== undefined) fail(n, 'more than one quorum line');
        const name = f[1]!;
        if (name !== QUORUM_NONE && !defined.has(name))
          fail(n, `quorum ${JSON.stringify(name)} is not defined on an earlier line`);
        quorum = name;
        break;
      }
      default:
        fail(n, `unknown keyword ${JSON.stringify(f[0])}`);
    }
  }
  if (quorum === undefined) return fail(0, 'no quorum line');
  return { logs, witnesses, groups, quorum };
}

/** Formats a policy as policy-file text. */
export function formatPolicy(p: Policy): string {
  const out: string[] = [];
  for (const l of p.logs) out.push(`log ${l.vkey}${l.url === undefined ? '' : ' ' + l.url}`);
  for (const w of p.witnesses)
    out.push(`witness ${w.name} ${w.vkey}${w.url === undefined ? '' : ' ' + w.url}`);
  for (const g of p.groups) out.push(`group ${g.name} ${g.written} ${g.members.join(' ')}`);
  out.push(`quorum ${p.quorum}`);
  return out.join('\n') + '\n';
}

/**
 * c2sp.org/tlog-policy: whether the witnesses named in `cosigned` (policy-local witness names
 * whose cosignatures verified) satisfy the policy's quorum.
 */
export function evaluateQuorum(policy: Policy, cosigned: Iterable<string>): boolean {
  if (policy.quorum === QUORUM_NONE) return true;
  const have = new Set(cosigned);
  const witnessNames = new Set(policy.witnesses.map((w) => w.name));
  const groups = new Map(policy.groups.map((g) => [g.name, g]));
  const memo = new Map<string, boolean>();
  const holds = (name: string): boolean => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    let r = false;
    if (witnessNames.has(name)) r = have.has(name);
    else {
      const g = groups.get(name);
      if (g !== undefined) {
        memo.set(name, false); // groups only reference earlier names; this guards hand-made policies
        let count = 0;
        for (const m of g.members) if (holds(m)) count++;
        r = count >= g.threshold;
      }
    }
    memo.set(name, r);
    return r;
  };
  return holds(policy.quorum);
}

export interface PolicyVerifiedCheckpoint {
  readonly checkpoint: Checkpoint;
  /** The checkpoint note text (what was signed). */
  readonly text: string;
  /** Policy-local names of witnesses whose cosignatures verified, with their timestamps. */
  readonly cosigners: ReadonlyArray<{ readonly name: string; readonly timestamp?: number }>;
}

/**
 * Verifies a signed checkpoint against a policy (c2sp.org/tlog-proof#verifying-a-tlog-proof,
 * steps 2 and 3): signed by a policy log whose key name is the origin, every known cosignature
 * valid, and the quorum met. `logs` adds log verifiers when the policy lists none.
 */
export function verifyCheckpointWithPolicy(
  msg: string | Uint8Array,
  policy: Policy,
  options: { logs?: readonly NoteVerifier[] } = {},
): PolicyVerifiedCheckpoint {
  const origin = parseCheckpoint(parseNote(msg).text).origin;
  const logVerifiers = [
    ...policy.logs.filter((l) => l.key.name === origin).map((l) => noteVerifierFromKey(l.key)),
    ...(options.logs ?? []).filter((v) => v.name === origin),
  ];
  if (logVerifiers.length === 0)
    throw new TlogError(
      'untrusted',
      `couldn't verify checkpoint: no trusted log key for origin ${JSON.stringify(origin)}`,
    );
  const byId = new Map<string, PolicyWitness>();
  for (const w of policy.witnesses) byId.set(`${w.key.name}\n${w.key.hash}`, w);
  const witnessVerifiers = policy.witnesses
    .filter((w) => !logVerifiers.some((l) => l.name === w.key.name && l.hash === w.key.hash))
    .map((w) => noteVerifierFromKey(w.key));
  const opened = openCheckpoint(msg, logVerifiers, { origin, others: witnessVerifiers });
  const cosigners: Array<{ name: string; timestamp?: number }> = [];
  for (const s of opened.note.verified) {
    const w = byId.get(`${s.name}\n${s.hash}`);
    if (w === undefined) continue;
    cosigners.push(
      w.key.type === SIG_TYPE_COSIGNATURE_V1
        ? { name: w.name, timestamp: parseCosignature(s.signature).timestamp }
        : { name: w.name },
    );
  }
  if (
    !evaluateQuorum(
      policy,
      cosigners.map((c) => c.name),
    )
  ) {
    throw new TlogError(
      'policy_unsatisfied',
      `couldn't verify checkpoint: cosignatures by ${cosigners.length} known witness(es) do not meet quorum ${policy.quorum}`,
    );
  }
  return { checkpoint: opened.checkpoint, text: opened.text, cosigners };
}
