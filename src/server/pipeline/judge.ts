// Step "decide" of the submission pipeline (admit → decide → seal → append → project → prove): the
// workflow rules of src/core/workflow/rules.ts against the read model, for an envelope admission has
// already parsed. 403 for who may author it, 422 for an impossible step or a missing reference;
// nothing is written on refusal. Returns what the seal step needs to know. An entry that depends on
// entries acknowledged but not yet applied to the read model waits for them (unprojected.ts).
import type { Envelope } from '../../core/envelope.js';
import type { Channel } from '../../core/workflow/rules.js';
import type { Filing } from '../../store/workflow-store.js';
import type { Accepted } from '../../core/workflow/decision.js';

/** An entry the rules accepted: what sealing needs, and the state changes the decision makes. */
export type Judged = Filing & { accepted: Accepted };
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';
import type { MissionLog } from '../../log/service.js';
import { caughtUp } from '../routes/read-your-writes.js';
import type { Leaf } from './seal.js';
import { unprojectedOf } from './unprojected.js';

export async function judgeEntry(
  ctx: AppContext,
  log: MissionLog,
  env: Envelope,
  caller: string,
  channel: Channel = 'public',
  /** The clock signed times are judged by: the server's, except for the demo story's own history. */
  now: string = new Date().toISOString(),
): Promise<Judged> {
  const wf = workflowFor(ctx);
  // Judged against everything logged before it: wait for the read model where it matters.
  const unprojected = unprojectedOf(wf, log);
  if (unprojected.mustWait(env)) {
    await caughtUp(wf, log.slug);
    await unprojected.settle();
  }
  const { decision, filing } = await wf.judge(log.slug, env, { channel, caller, now });
  if (!decision.ok)
    throw new HttpError(decision.status, 'workflow', decision.message, { rule: decision.rule });
  return { ...filing, accepted: decision };
}

/** Appends a judged entry's leaf; resolves with its index once durable and integrated. */
export async function appendJudged(
  ctx: AppContext,
  log: MissionLog,
  envelope: Envelope,
  leaf: Leaf,
  judged: Judged,
): Promise<number> {
  const wf = workflowFor(ctx);
  // Parsed once: the read model takes these parsed forms when it projects the leaf.
  wf.handoff.hand(leaf.entry.id, {
    bytes: leaf.entry.bytes,
    envelope: leaf.envelope,
    ...(leaf.entry.sealed ? { sealed: envelope } : {}),
  });
  let index: number;
  try {
    index = await log.sequencer.append(leaf.entry);
  } catch (err) {
    wf.handoff.drop(leaf.entry.id);
    throw err;
  }
  unprojectedOf(wf, log).add(envelope, index, judged.accepted);
  return index;
}
