// Validates a parsed request body (or query) with a zod schema; a failure is a 400 naming the field.
import type { z } from 'zod';
import { HttpError } from './http-errors.js';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issues = r.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }));
  const first = issues[0];
  throw new HttpError(
    400,
    'schema',
    `couldn't ${what}: ${first ? `${first.path || 'body'}: ${first.message}` : 'invalid input'}`,
    { issues },
  );
}
