// The workflow rules on the POST entries paths, for an envelope admission already parsed (the same
// decision as enforceWorkflow in ../workflow/rules.ts, without parsing the entry a second time):
// 403 for who may author it, 422 for an impossible step or a missing reference.
import type { Envelope } from '../../core/envelope.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';

export async function checkWorkflow(
  ctx: AppContext,
  slug: string,
  env: Envelope,
  caller: string,
): Promise<void> {
  const d = await workflowFor(ctx).check(slug, env, {
    channel: 'public',
    caller,
    now: new Date().toISOString(),
  });
  if (!d.ok) throw new HttpError(d.status, 'workflow', d.message, { rule: d.rule });
}
