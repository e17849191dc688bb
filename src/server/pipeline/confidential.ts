// A confidential record through the one submission pipeline (admit → decide → seal → append →
// project → prove), the same steps POST …/entries takes (issue 12, item 1), so no rule or check of
// an entry lives twice. The record and its commitment both pass admission (admit) and the workflow
// rules on the 'confidential' channel (judge.ts); the checks only this path has — the record's
// kind, the commitment's kind, author and digest — come between decide and append. "Seal" is the
// author's here: the commitment they signed is the public leaf, and record and salt are its private
// half (wf_confidential), written before the commitment is appended so that a logged commitment
// always has its record. The read model then projects the record from that half (workflow-store.ts
// applyEntry, kind 'commitment').
import type { Envelope } from '../../core/envelope.js';
import { CONFIDENTIAL_KINDS, revealMatches } from '../../core/workflow/confidential.js';
import type { MissionLog } from '../../log/service.js';
import { utf8Encode } from '../../tlog/bytes.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from '../workflow/context.js';
import { appendJudged, judgeEntry } from './judge.js';

export interface ConfidentialFiling {
  /** The confidential record's canonical signed entry (text). */
  entry: string;
  /** The commitment entry (text), digest = SHA-256(salt ‖ entry). */
  commitment: string;
  /** Base64 of the 32-byte salt. */
  salt: string;
}

function refuse(rule: string, message: string): HttpError {
  return new HttpError(422, 'workflow', `rule ${rule}: ${message}`, { rule });
}

/** The checks between a confidential record and its commitment (both already admitted and judged). */
function checkPair(record: Envelope, commitment: Envelope, salt: string, entry: string): void {
  if (commitment.author !== record.author)
    throw refuse('commitment_author', 'the commitment is signed by the record’s author');
  if (commitment.kind !== 'commitment') return; // refused before judging (fileConfidential)
  const { digest } = commitment.body;
  if (!revealMatches(digest, salt, entry))
    throw refuse(
      'reveal_matches',
      `the revealed salt and entry must hash to the commitment (SHA-256(salt ‖ entry) is not ${digest})`,
    );
}

/**
 * Files a confidential record: both entries admitted and judged, the pair checked, the private half
 * stored, then only the commitment appended. Resolves with the commitment's index once it is
 * durable and integrated and the read model has applied it (so the author's next filing that names
 * the record, and the duplicate check of the next confidential filing, see it).
 */
export async function fileConfidential(
  ctx: AppContext,
  log: MissionLog,
  filing: ConfidentialFiling,
  caller: string,
  /** The clock signed times are judged by: the server's, except for the demo story's own history. */
  now?: string,
): Promise<{ index: number; id: string; record: string }> {
  const wf = workflowFor(ctx);
  // admit
  const record = await log.admission.admit(utf8Encode(filing.entry));
  const recordEnv = record.envelope;
  // decide (the record is never appended: only its decision matters). The rules refuse kinds that
  // cannot be confidential (confidential_kind) but let a commitment through on this channel, as the
  // record's own commitment: it cannot be the record too.
  await judgeEntry(ctx, log, recordEnv, caller, 'confidential', now);
  if (!(CONFIDENTIAL_KINDS as readonly string[]).includes(recordEnv.kind))
    throw refuse(
      'confidential_kind',
      `only reports and responses may be confidential (a ${recordEnv.kind})`,
    );
  if (await wf.getRecord(log.slug, recordEnv.id, { role: 'admin', org: '', user: '' }))
    throw new HttpError(
      409,
      'duplicate',
      `couldn't accept record: ${recordEnv.id} is already filed`,
    );
  const commitment = await log.admission.admit(utf8Encode(filing.commitment));
  const commitmentEnv = commitment.envelope;
  if (commitmentEnv.kind !== 'commitment')
    throw new HttpError(
      400,
      'schema',
      `couldn't accept record: "commitment" is a ${commitmentEnv.kind} entry`,
      { issues: [{ path: 'commitment', message: 'must be a commitment entry' }] },
    );
  const judged = await judgeEntry(ctx, log, commitmentEnv, caller, 'confidential', now);
  checkPair(recordEnv, commitmentEnv, filing.salt, filing.entry);
  // seal: the author's commitment is the leaf; its private half is durable before the leaf is.
  await wf.confidential.put(log.slug, {
    commitment: commitmentEnv.id,
    side: commitmentEnv.body.side,
    salt: filing.salt,
    entry: filing.entry,
    createdAt: new Date().toISOString(),
  });
  // append
  let index: number;
  try {
    index = await appendJudged(ctx, log, commitmentEnv, commitment, judged);
  } catch (err) {
    // Not in the log (e.g. 503, retry later): the private half goes too, nothing changed.
    await wf.confidential.delete(log.slug, commitmentEnv.id);
    throw err;
  }
  // project
  await wf.catchUp(log.slug);
  return { index, id: commitmentEnv.id, record: recordEnv.id };
}
