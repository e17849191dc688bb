// Step "decide" of the submission pipeline (admit → decide → seal → append → project → prove): the
// workflow rules of src/core/workflow/rules.ts against the read model, for an envelope admission has
// already parsed. 403 for who may author it, 422 for an impossible step or a missing reference;
// nothing is written on refusal. Returns what the seal step needs to know.
import type { Envelope } from '../../core/envelope.js';
import type { Channel } from '../../core/workflow/rules.js';
import type { Filing } from '../../store/workflow-store.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';

export async function judgeEntry(
  ctx: AppContext,
  slug: string,
  env: Envelope,
  caller: string,
  channel: Channel = 'public',
  /** The clock signed times are judged by: the server's, except for the demo story's own history. */
  now: string = new Date().toISOString(),
): Promise<Filing> {
  const { decision, filing } = await workflowFor(ctx).judge(slug, env, { channel, caller, now });
  if (!decision.ok)
    throw new HttpError(decision.status, 'workflow', decision.message, { rule: decision.rule });
  return filing;
}
