// parseEntry checks the envelope's shape and the canonical form by hand before (and instead of)
// EnvelopeSchema and canonicalize() (envelope.ts: envelopeOf, certainlyCanonical). These tests
// hold it to the plain definition — one JSON.parse, the schema, the body schema, canonicalize() —
// on valid entries of every kind and on entries bent in every way the shortcuts could get wrong:
// the same envelope, or the same error (code, message and details), every time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateNoteKey } from '../tlog/note-key.js';
import { canonicalize } from './canonical-json.js';
import {
  describeIssues,
  EnvelopeSchema,
  parseBody,
  parseEntry,
  signEnvelope,
  type Envelope,
} from './envelope.js';
import { CoreError } from './errors.js';
import { exampleBody } from './examples.js';
import { ENTRY_KINDS } from './records/kinds.js';
import { signerFromNoteKey } from './signing.js';

const strict = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** parseEntry as defined: every step by the schema and canonicalize(), nothing by hand. */
function reference(bytes: Uint8Array): Envelope {
  if (bytes.length > 65535)
    throw new CoreError('too_large', `couldn't accept entry: ${bytes.length} bytes, over 65535`);
  let value: unknown;
  try {
    value = JSON.parse(strict.decode(bytes));
  } catch (cause) {
    throw new CoreError('invalid_json', "couldn't accept entry: not UTF-8 JSON", undefined, {
      cause,
    });
  }
  const parsed = EnvelopeSchema.safeParse(value);
  if (!parsed.success)
    throw new CoreError('schema', `couldn't accept entry: ${describeIssues(parsed.error)}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  // The explicit-defaults rule is parseEntry's own (not a shortcut): compare through it.
  parseBody(parsed.data.kind, parsed.data.body);
  if (canonicalize(value) !== strict.decode(bytes))
    throw new CoreError('not_canonical', "couldn't accept entry: not in RFC 8785 canonical form");
  return parsed.data as Envelope;
}

type Outcome = { ok: unknown } | { code: string; message: string; details: unknown };

function outcome(parse: (b: Uint8Array) => Envelope, bytes: Uint8Array): Outcome {
  try {
    return { ok: JSON.parse(JSON.stringify(parse(bytes))) };
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    return { code: err.code, message: err.message, details: err.details };
  }
}

/** Where parseEntry's explicit-defaults rule refuses, the reference (without it) may accept. */
function explicitDefaultsRefusal(o: Outcome): boolean {
  return 'code' in o && o.code === 'schema' && o.message.includes('sign it explicitly');
}

async function validEntries(): Promise<Array<{ kind: string; text: string }>> {
  const { skey } = generateNoteKey('pk-liaison.pak-afg');
  const signer = await signerFromNoteKey(skey);
  const out = [];
  for (const kind of ENTRY_KINDS) {
    let body: Record<string, unknown>;
    try {
      body = exampleBody(kind) as Record<string, unknown>;
    } catch {
      continue; // a kind being added has no example yet (envelope.test.ts requires one)
    }
    const { bytes } = await signEnvelope({ mission: 'pak-afg', kind, body }, signer);
    out.push({ kind, text: strict.decode(bytes) });
  }
  return out;
}

/** A copy of `value` with its first leaf of `type` (depth first) replaced by `marker`. */
function markFirst(value: unknown, type: 'string' | 'number', marker: string): unknown {
  let done = false;
  const walk = (v: unknown): unknown => {
    if (done) return v;
    if (typeof v === type) {
      done = true;
      return marker;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const out = walk(value);
  return done ? out : undefined;
}

/** Texts derived from a valid canonical entry, each bending one thing the shortcuts rely on. */
function bent(text: string): Array<[string, string]> {
  const value = JSON.parse(text) as Record<string, unknown>;
  const body = value.body as Record<string, unknown>;
  const withBody = (b: unknown) => canonicalize({ ...value, body: b });
  const reorder = (o: Record<string, unknown>) => {
    const keys = Object.keys(o);
    const r: Record<string, unknown> = {};
    for (const k of [keys[1]!, keys[0]!, ...keys.slice(2)]) r[k] = o[k];
    return r;
  };
  // A body string or number leaf written out in raw JSON text of our choosing.
  const MARK = '\u0001mark';
  const leaf = (type: 'string' | 'number', raw: string): string | undefined => {
    const marked = markFirst(body, type, MARK);
    return marked === undefined ? undefined : withBody(marked).replace(JSON.stringify(MARK), raw);
  };
  const cases: Array<[string, string | undefined]> = [
    ['as signed', text],
    ['envelope keys out of order', JSON.stringify(reorder(value))],
    ['body keys out of order', Object.keys(body).length > 1 ? withBody(reorder(body)) : undefined],
    ['a space after the first colon', text.replace(':', ': ')],
    ['trailing newline', text + '\n'],
    ['an extra envelope key', canonicalize({ ...value, x: 1 })],
    ['a missing envelope key', canonicalize({ ...value, at: undefined })],
    ['v is 2', canonicalize({ ...value, v: 2 })],
    ['v is "1"', canonicalize({ ...value, v: '1' })],
    ['v is 1.0', text.replace('"v":1}', '"v":1.0}')],
    ['v is 1e0', text.replace('"v":1}', '"v":1e0}')],
    ['mission upper case', canonicalize({ ...value, mission: 'PAK-AFG' })],
    ['mission a number', canonicalize({ ...value, mission: 7 })],
    ['unknown kind', canonicalize({ ...value, kind: 'rumour' })],
    ['kind "constructor"', canonicalize({ ...value, kind: 'constructor' })],
    ['id upper case', canonicalize({ ...value, id: (value.id as string).toUpperCase() })],
    ['id a UUIDv4', canonicalize({ ...value, id: '0193a0a4-2f00-4000-8000-000000000001' })],
    ['at without milliseconds', canonicalize({ ...value, at: '2025-10-20T10:00:00Z' })],
    ['at on February 30', canonicalize({ ...value, at: '2025-02-30T10:00:00.000Z' })],
    ['at with an offset', canonicalize({ ...value, at: '2025-10-20T10:00:00.000+01:00' })],
    ['at on a leap day', canonicalize({ ...value, at: '2024-02-29T10:00:00.000Z' })],
    ['author without key id', canonicalize({ ...value, author: 'pk-liaison' })],
    ['author with a space', canonicalize({ ...value, author: 'pk liaison+0a1b2c3d' })],
    ['sig too short', canonicalize({ ...value, sig: 'AAAA' })],
    ['sig a number', canonicalize({ ...value, sig: 12 })],
    ['body an array', withBody([1, 2])],
    ['body null', withBody(null)],
    ['body a string', withBody('x')],
    ['body empty', withBody({})],
    ['body with an unknown key', withBody({ ...body, zz: 1 })],
    ['body with __proto__', text.replace('"body":{', '"body":{"__proto__":{"a":1},')],
    ['body with integer-like keys', withBody({ ...body, 10: 1, 9: 2 })],
    ['duplicate envelope key', text.replace('"v":1}', '"v":1,"v":1}')],
    ['duplicate body key', text.replace('"body":{', '"body":{"zz":1,"zz":1,')],
    ['nested 70 deep', text.replace('"body":{', `"body":{"a":${'['.repeat(70)}${']'.repeat(70)},`)],
    ['a string with an escaped slash', leaf('string', '"x\\/y"')],
    ['a string with \\u0041', leaf('string', '"\\u0041"')],
    ['a string of a lone surrogate escape', leaf('string', '"\\ud800"')],
    ['a string of an upper-case lone surrogate escape', leaf('string', '"\\uD800"')],
    ['a string with a lone low surrogate', leaf('string', '"ab\\udc00"')],
    ['a string with an escaped surrogate pair', leaf('string', '"\\ud83d\\ude00"')],
    ['a string with a raw surrogate pair', leaf('string', '"\u{1F600}"')],
    ['a string with a literal backslash-ud', leaf('string', '"\\\\ud800"')],
    ['a string with a control escape', leaf('string', '"a\\u001f"')],
    ['a string with \\t', leaf('string', '"a\\tb"')],
    ['a string with \\u0009', leaf('string', '"a\\u0009b"')],
    ['a string with a raw tab', leaf('string', '"a\tb"')],
    ['a string with \\u007f', leaf('string', '"a\\u007fb"')],
    ['a string with a raw DEL', leaf('string', '"a\u007fb"')],
    ['a string with \\u2028', leaf('string', '"a\\u2028b"')],
    ['a string with a raw U+2028', leaf('string', '"a\u2028b"')],
    ['non-ASCII text', leaf('string', '"سپین بولدک"')],
    ['a number -0', leaf('number', '-0')],
    ['a number 0', leaf('number', '0')],
    ['a number 1e21', leaf('number', '1e+21')],
    ['a number 1e21 unsigned exponent', leaf('number', '1e21')],
    ['a number 100 as 1e2', leaf('number', '1e2')],
    ['a number 1.50', leaf('number', '1.50')],
    ['a number 0.1', leaf('number', '0.1')],
    ['a number 31.006', leaf('number', '31.006')],
    ['a number 1E2', leaf('number', '1E2')],
    ['not JSON', text.slice(0, -1)],
    ['JSON but not an object', '[1,2,3]'],
    ['JSON null', 'null'],
  ];
  return cases.filter((c): c is [string, string] => c[1] !== undefined);
}

test('parseEntry gives what the schema and canonicalize() give, for valid and bent entries of every kind', async () => {
  let compared = 0;
  let accepted = 0;
  for (const { kind, text } of await validEntries()) {
    for (const [what, t] of bent(text)) {
      const bytes = encoder.encode(t);
      const fast = outcome(parseEntry, bytes);
      const plain = outcome(reference, bytes);
      if (explicitDefaultsRefusal(fast)) continue;
      assert.deepEqual(fast, plain, `${kind}, ${what}`);
      compared++;
      if ('ok' in fast) accepted++;
    }
  }
  // Both sides were exercised: the valid entries of every kind pass, most bent ones do not.
  assert.ok(accepted >= 14, `${accepted} accepted`);
  assert.ok(compared - accepted > 14 * 30, `${compared - accepted} refused`);
});

test('parseEntry still refuses what is not canonical with its own error', async () => {
  const report = (await validEntries()).find((e) => e.kind === 'report')!.text;
  const notCanonical = (t: string) =>
    assert.throws(
      () => parseEntry(encoder.encode(t)),
      (e: unknown) => e instanceof CoreError && e.code === 'not_canonical',
      t.slice(0, 80),
    );
  notCanonical(report.replace(':', ': '));
  notCanonical(report.replace('"title":"', '"title":"\\u0041'));
  notCanonical(report.replace('"title":"', '"title":"\\ud800'));
  const v = JSON.parse(report) as Record<string, unknown>;
  notCanonical(JSON.stringify({ body: v.body, ...v }));
  assert.ok(parseEntry(encoder.encode(report)).kind === 'report');
});
