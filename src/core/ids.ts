// Time-ordered record ids: UUIDv7 (RFC 9562 §5.7), so ids sort by creation time in every store.
import { v7, validate, version } from 'uuid';
import { z } from 'zod';

export function newId(): string {
  return v7();
}

export function isId(s: string): boolean {
  return validate(s) && version(s) === 7;
}

export const IdSchema = z.string().refine(isId, 'an id is a UUIDv7 (RFC 9562), e.g. 0193…-7…');

/** The creation time (milliseconds since the epoch) a UUIDv7 carries in its first 48 bits. */
export function idTime(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
