// The signed envelope every log entry is (docs/architecture.md "Entries"):
//   {"v":1,"mission","kind","id","at","author","body","sig"} as RFC 8785 canonical JSON,
// where sig = Ed25519(author key, ENVELOPE_DOMAIN ‖ JCS(envelope without "sig")). The domain prefix
// keeps an envelope signature from ever being valid as a signed note, a cosignature or anything else.
import { z } from 'zod';
import { base64DecodeOrUndefined, base64Encode, concatBytes, utf8Encode } from '../tlog/bytes.js';
import { canonicalBytes, canonicalize } from './canonical-json.js';
import { CoreError } from './errors.js';
import { IdSchema, isId, newId } from './ids.js';
import {
  BODY_SCHEMAS,
  ENTRY_KINDS,
  EntryKindSchema,
  type BodyOf,
  type EntryKind,
} from './records/kinds.js';
import { SLUG, SlugSchema } from './records/mission.js';
import { verifySignature, type Signer } from './signing.js';

export const ENVELOPE_DOMAIN = 'truceline/envelope/v1\n';
/** c2sp.org/tlog-tiles entry bundles prefix each entry with a uint16 length. */
export const MAX_ENTRY_BYTES = 65535;

const DOMAIN_BYTES = utf8Encode(ENVELOPE_DOMAIN);

const AUTHOR_ID = /^[^\s+]{1,200}\+[0-9a-f]{8}$/;
const SIG = /^[A-Za-z0-9+/]{86}==$/;

export const AuthorIdSchema = z
  .string()
  .regex(AUTHOR_ID, 'an author is a key name and its 8-hex key id: name+hash');

/** When the author signed it (RFC 3339, UTC, milliseconds). Attacker-controlled: not trusted time. */
const AtSchema = z.iso.datetime({ precision: 3 });

export const EnvelopeSchema = z.strictObject({
  v: z.literal(1),
  mission: SlugSchema,
  kind: EntryKindSchema,
  id: IdSchema,
  at: AtSchema,
  author: AuthorIdSchema,
  body: z.record(z.string(), z.unknown()),
  sig: z.string().regex(SIG, 'sig is base64 of 64 bytes'),
});
/**
 * An envelope as EnvelopeSchema alone reads it: any kind, any body object (not yet checked against
 * its kind's schema). What signatures are over; tests build bad ones of this type.
 */
export type WireEnvelope = z.infer<typeof EnvelopeSchema>;
/** An envelope before it is signed (the signed message is over these fields). */
export type UnsignedEnvelope = Omit<WireEnvelope, 'sig'>;
/** An envelope of one kind: `body` is that kind's schema's (parseEntry and signEnvelope checked it). */
export type EnvelopeOf<K extends EntryKind> = Omit<WireEnvelope, 'kind' | 'body'> & {
  kind: K;
  body: BodyOf<K>;
};
/**
 * A checked envelope, a union discriminated on `kind`: `env.kind === 'reveal'` narrows `env.body`
 * to the reveal's body. A kind added to records/kinds.ts is a member here, with no cast anywhere.
 * Only parseEntry and signEnvelope make one from bytes or a draft, after checking the body.
 */
export type Envelope = { [K in EntryKind]: EnvelopeOf<K> }[EntryKind];

/** The exact bytes an author signs. */
export function signedMessage(envelope: UnsignedEnvelope): Uint8Array {
  const { v, mission, kind, id, at, author, body } = envelope;
  return concatBytes(DOMAIN_BYTES, canonicalBytes({ v, mission, kind, id, at, author, body }));
}

export interface EnvelopeDraft {
  mission: string;
  kind: EntryKind;
  body: Record<string, unknown>;
  id?: string;
  at?: string;
}

/** Validates the body for its kind, then signs. Returns the envelope and its canonical entry bytes. */
export async function signEnvelope(
  draft: EnvelopeDraft,
  signer: Signer,
): Promise<{ envelope: Envelope; bytes: Uint8Array }> {
  const body = parseBody(draft.kind, draft.body);
  const unsigned: UnsignedEnvelope = {
    v: 1,
    mission: draft.mission,
    kind: draft.kind,
    id: draft.id ?? newId(),
    at: draft.at ?? new Date().toISOString(),
    author: signer.author,
    body,
  };
  const sig = base64Encode(await signer.sign(signedMessage(unsigned)));
  // The body is its kind's (parseBody above): the one place a draft becomes a checked envelope.
  const envelope = EnvelopeSchema.parse({ ...unsigned, sig }) as Envelope;
  const bytes = canonicalBytes(envelope);
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw new CoreError(
      'too_large',
      `couldn't sign: the entry is ${bytes.length} bytes, over ${MAX_ENTRY_BYTES}`,
    );
  }
  return { envelope, bytes };
}

/** Checks a body against its kind's schema; the error names the failing field. */
export function parseBody<K extends EntryKind>(kind: K, body: unknown): BodyOf<K> {
  const result = BODY_SCHEMAS[kind].safeParse(body);
  if (!result.success) {
    throw new CoreError(
      'schema',
      `couldn't accept ${kind}: ${describeIssues(result.error, 'body')}`,
      {
        issues: result.error.issues.map((i) => ({
          path: ['body', ...i.path].join('.'),
          message: i.message,
        })),
      },
    );
  }
  return result.data as BodyOf<K>;
}

export function describeIssues(error: z.ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 3)
    .map(
      (i) =>
        `${[prefix, ...i.path].filter((p) => p !== undefined).join('.') || '(root)'}: ${i.message}`,
    )
    .join('; ');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The log keeps the bytes the author signed, and every reader (server read model, `truceline
 * verify`, the browser) interprets those bytes. A field the schema would default (`terms: []`)
 * must therefore be present in the signed body, so that no reader depends on knowing the default:
 * a body the schema would change is refused, naming the first field missing (docs/architecture.md
 * "Entries").
 */
function requireExplicitDefaults(kind: EntryKind, signed: unknown, parsed: unknown): void {
  const missing = firstMissing(signed, parsed, 'body');
  if (missing === undefined) return;
  throw new CoreError(
    'schema',
    `couldn't accept ${kind}: ${missing.path} is missing; sign it explicitly (its default is ${JSON.stringify(missing.value)})`,
    { issues: [{ path: missing.path, message: 'missing: sign the default explicitly' }] },
  );
}

function firstMissing(
  signed: unknown,
  parsed: unknown,
  path: string,
): { path: string; value: unknown } | undefined {
  // The path is spelled only once something is missing: building it for every field of every
  // body cost about a tenth of parseEntry on an audit's hot path.
  const trail: Array<string | number> = [];
  const found = missingIn(signed, parsed, trail);
  return found && { path: [path, ...trail.reverse()].join('.'), value: found.value };
}

/** The first field `parsed` has and `signed` lacks; its path pushed on `trail`, innermost first. */
function missingIn(
  signed: unknown,
  parsed: unknown,
  trail: Array<string | number>,
): { value: unknown } | undefined {
  if (Array.isArray(parsed) && Array.isArray(signed)) {
    for (let i = 0; i < parsed.length; i++) {
      const m = missingIn(signed[i], parsed[i], trail);
      if (m) {
        trail.push(i);
        return m;
      }
    }
    return undefined;
  }
  if (parsed && typeof parsed === 'object' && signed && typeof signed === 'object') {
    const p = parsed as Record<string, unknown>;
    const s = signed as Record<string, unknown>;
    for (const key of Object.keys(p)) {
      const value = p[key];
      const m = !(key in s) && value !== undefined ? { value } : missingIn(s[key], value, trail);
      if (m) {
        trail.push(key);
        return m;
      }
    }
  }
  return undefined;
}

const KINDS = new Set<string>(ENTRY_KINDS);

/**
 * The envelope, when `value` certainly passes EnvelopeSchema: the same checks by hand (the
 * schema's own regexes, isId, the kinds), about a sixth of the schema's cost on an audit's hot
 * path. Undefined when unsure, and EnvelopeSchema decides (and words the error), so what is
 * accepted and every error stay the schema's. Keys in the schema's order, as zod returns them.
 */
function envelopeOf(value: unknown): WireEnvelope | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  let keys = 0;
  for (const _ in o) keys++;
  const { v, mission, kind, id, at, author, body, sig } = o;
  // Eight keys, the eight named ones present (JSON has no undefined): a strict object.
  if (keys !== 8 || v !== 1) return undefined;
  if (typeof mission !== 'string' || !SLUG.test(mission)) return undefined;
  if (typeof kind !== 'string' || !KINDS.has(kind)) return undefined;
  if (typeof id !== 'string' || !isId(id)) return undefined;
  if (typeof author !== 'string' || !AUTHOR_ID.test(author)) return undefined;
  if (typeof sig !== 'string' || !SIG.test(sig)) return undefined;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  if (Object.getPrototypeOf(body) !== Object.prototype || Object.hasOwn(body, '__proto__'))
    return undefined;
  if (typeof at !== 'string' || !AtSchema.safeParse(at).success) return undefined;
  return {
    v: 1,
    mission,
    kind: kind as EntryKind,
    id,
    at,
    author,
    body: body as Record<string, unknown>,
    sig,
  };
}

/**
 * Whether `text`, which JSON.parse turned into `value`, is certainly RFC 8785 canonical, at a
 * fraction of canonicalize()'s cost: every object's keys already in sorted order (UTF-16 code
 * units, §3.2.3), nested at most 64 deep as canonicalize() allows, and JSON.stringify — which
 * serializes strings and numbers exactly as canonicalize() does (§3.2.2) — giving back the very
 * text. A lone surrogate, which canonicalize() refuses, can only come from a `\ud8..`–`\udf..`
 * escape (the bytes are strict UTF-8), so any `\ud` in the text means unsure. False means unsure:
 * canonicalize() then decides, with its own errors.
 */
function certainlyCanonical(value: unknown, text: string): boolean {
  return keysSorted(value, 0) && !text.includes('\\ud') && JSON.stringify(value) === text;
}

function keysSorted(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item, depth + 1)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    if (!keysSorted((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Parses entry bytes (attacker-controlled) into an envelope: UTF-8, JSON, exactly canonical (so
 * one record has one leaf), envelope schema and body schema. Does not check the signature.
 * One UTF-8 decode and one JSON.parse; the envelope's shape and the canonical form are checked by
 * hand first (envelopeOf, certainlyCanonical) and by the schema and canonicalize() only when those
 * are unsure, so the errors are the same either way (bench/verify-stages.ts shows the cost).
 */
export function parseEntry(bytes: Uint8Array): Envelope {
  if (bytes.length > MAX_ENTRY_BYTES) {
    throw new CoreError(
      'too_large',
      `couldn't accept entry: ${bytes.length} bytes, over ${MAX_ENTRY_BYTES}`,
    );
  }
  let text: string;
  let value: unknown;
  try {
    text = decoder.decode(bytes);
    value = JSON.parse(text);
  } catch (cause) {
    throw new CoreError('invalid_json', "couldn't accept entry: not UTF-8 JSON", undefined, {
      cause,
    });
  }
  let envelope = envelopeOf(value);
  if (!envelope) {
    const parsed = EnvelopeSchema.safeParse(value);
    if (!parsed.success) {
      throw new CoreError('schema', `couldn't accept entry: ${describeIssues(parsed.error)}`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    envelope = parsed.data;
  }
  requireExplicitDefaults(envelope.kind, envelope.body, parseBody(envelope.kind, envelope.body));
  if (!certainlyCanonical(value, text) && canonicalize(value) !== text) {
    throw new CoreError('not_canonical', "couldn't accept entry: not in RFC 8785 canonical form");
  }
  // The body passed its kind's schema with nothing added (requireExplicitDefaults): the one place
  // bytes become a checked, discriminated envelope.
  return envelope as Envelope;
}

/** Verifies an envelope's signature with the author's imported key. */
export async function verifyEnvelope(envelope: WireEnvelope, key: CryptoKey): Promise<boolean> {
  const sig = base64DecodeOrUndefined(envelope.sig);
  if (!sig) return false;
  return verifySignature(key, sig, signedMessage(envelope));
}
