// The workflow rules on the POST path: after admission (schema, key, signature, duplicate) and
// before the sequencer, an entry must pass `decide` against the read model (403 for who may author
// it, 422 for an impossible step or a missing reference). Nothing is written on refusal.
import { parseEntry, type Envelope } from '../../core/envelope.js';
import type { Channel } from '../../core/workflow/rules.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from './context.js';

export async function enforceWorkflow(
  ctx: AppContext,
  slug: string,
  bytes: Uint8Array,
  caller: string,
  channel: Channel = 'public',
  /** The clock signed times are judged by: the server's, except for the demo story's own history. */
  now: string = new Date().toISOString(),
): Promise<Envelope> {
  const env = parseEntry(bytes);
  const d = await workflowFor(ctx).check(slug, env, { channel, caller, now });
  if (!d.ok) throw new HttpError(d.status, 'workflow', d.message, { rule: d.rule });
  return env;
}
