// Entity tags and If-None-Match (RFC 9110 §8.8.3 and §13.1.2), the part of them the read API
// needs: a weak tag to send, and the weak comparison a GET or HEAD precondition uses.
//   entity-tag = [ weak ] opaque-tag      weak = %s"W/"      opaque-tag = DQUOTE *etagc DQUOTE
//   etagc      = %x21 / %x23-7E / obs-text
//   If-None-Match = "*" / #entity-tag
// A field value that does not parse is ignored (as if absent): the server then answers in full,
// which is always correct, where guessing at a malformed list could answer 304 wrongly.

/** What an If-None-Match field asks: any current representation, or one of these opaque tags. */
export type IfNoneMatch = { any: true } | { any: false; tags: string[] };

const ETAGC = /^[\x21\x23-\x7e\x80-\xff]*$/;
/** One list member: optional whitespace, [W/]"…", optional whitespace, then a comma or the end. */
const MEMBER = /[ \t]*(?:W\/)?"([^"]*)"[ \t]*(?:,|$)/y;
/** Empty list elements are allowed in #rule lists (RFC 9110 §5.6.1) and skipped. */
const EMPTY = /[ \t]*,/y;

/** Parses an If-None-Match field value (several fields arrive joined by ", "); undefined when absent or malformed. */
export function parseIfNoneMatch(value: string | string[] | undefined): IfNoneMatch | undefined {
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value.join(', ') : value;
  if (text.length > 8192) return undefined;
  if (text.trim() === '*') return { any: true };
  const tags: string[] = [];
  let at = 0;
  while (at < text.length) {
    EMPTY.lastIndex = at;
    if (EMPTY.test(text)) {
      at = EMPTY.lastIndex;
      continue;
    }
    MEMBER.lastIndex = at;
    const m = MEMBER.exec(text);
    if (!m || !ETAGC.test(m[1]!)) {
      if (/^[ \t]*$/.test(text.slice(at))) break;
      return undefined;
    }
    tags.push(m[1]!);
    at = MEMBER.lastIndex;
  }
  return tags.length > 0 ? { any: false, tags } : undefined;
}

/** A weak entity tag (W/"…") around an opaque value made of etagc characters. */
export function weakTag(opaque: string): string {
  if (!ETAGC.test(opaque))
    throw new Error(
      `couldn't make an entity tag of ${JSON.stringify(opaque)}: it holds a character outside etagc`,
    );
  return `W/"${opaque}"`;
}

/** The opaque part of a tag we sent (W/"x" or "x" → x). */
export function opaqueOf(tag: string): string {
  return tag.replace(/^W\//, '').slice(1, -1);
}

/**
 * Whether the client already holds the current representation, i.e. If-None-Match evaluates to
 * false and a GET is answered 304 (RFC 9110 §13.1.2). Tags are compared weakly (§8.8.3.2): equal
 * opaque tags match whether or not either is weak. "*" matches any current representation.
 */
export function clientHolds(header: IfNoneMatch | undefined, current: string): boolean {
  if (!header) return false;
  if (header.any) return true;
  const opaque = opaqueOf(current);
  return header.tags.includes(opaque);
}
