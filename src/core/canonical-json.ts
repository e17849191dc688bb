// RFC 8785 JSON Canonicalization Scheme (JCS). Entries are logged as the JCS bytes of their signed
// envelope, so two honest implementations always produce the same leaf for the same record.
//   - numbers: ECMAScript Number-to-String (RFC 8785 §3.2.2.3); NaN and Infinity are not JSON;
//   - strings: the JSON.stringify escaping of ECMA-262 (§3.2.2.2), lone surrogates refused (I-JSON);
//   - object members sorted by their names' UTF-16 code units (§3.2.3), no whitespace.
import { CoreError } from './errors.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [k: string]: JsonValue };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(s: string): string {
  if (LONE_SURROGATE.test(s)) {
    throw new CoreError('not_canonical', "couldn't canonicalize: a string holds a lone surrogate");
  }
  return JSON.stringify(s);
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) {
    throw new CoreError('not_canonical', `couldn't canonicalize: ${n} is not a JSON number`);
  }
  // Number.prototype.toString is exactly the ECMAScript algorithm RFC 8785 §3.2.2.3 adopts;
  // the only adjustment is that -0 serializes as "0" (which String(-0) already does).
  return String(n);
}

function serialize(value: unknown, out: string[], depth: number): void {
  if (depth > 64)
    throw new CoreError('not_canonical', "couldn't canonicalize: nested deeper than 64");
  if (value === null) out.push('null');
  else if (value === true) out.push('true');
  else if (value === false) out.push('false');
  else if (typeof value === 'number') out.push(serializeNumber(value));
  else if (typeof value === 'string') out.push(serializeString(value));
  else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((v, i) => {
      if (i > 0) out.push(',');
      serialize(v, out, depth + 1);
    });
    out.push(']');
  } else if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    // Array.prototype.sort without a comparator compares UTF-16 code units, as §3.2.3 requires.
    const keys = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((k, i) => {
      if (i > 0) out.push(',');
      out.push(serializeString(k), ':');
      serialize((value as Record<string, unknown>)[k], out, depth + 1);
    });
    out.push('}');
  } else {
    throw new CoreError('not_canonical', `couldn't canonicalize: a ${typeof value} is not JSON`);
  }
}

/** The RFC 8785 canonical text of a JSON value. Undefined object members are omitted. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  serialize(value, out, 0);
  return out.join('');
}

const encoder = new TextEncoder();

/** The canonical UTF-8 bytes of a JSON value. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalize(value));
}
