// Filing entries in-process through the very path POST …/entries and POST …/confidential take:
// admission (schema, key, signature, duplicate), the workflow rules, sealing, the sequencer, then
// the read model. Used by the confidential route and by the demo story.
import { parseEntry } from '../../core/envelope.js';
import { CONFIDENTIAL_KINDS, revealMatches } from '../../core/workflow/confidential.js';
import { utf8Encode } from '../../tlog/bytes.js';
import type { MissionLog } from '../../log/service.js';
import type { AppContext } from '../app.js';
import { HttpError } from '../http-errors.js';
import { workflowFor } from './context.js';
import { enforceWorkflow } from './rules.js';
import { appendJudged, judgeEntry } from '../pipeline/judge.js';
import { leafFor } from '../pipeline/seal.js';
import { revealReleased } from '../pipeline/reveal-released.js';

/** Admits, checks and appends one entry; resolves with its index once integrated and projected. */
export async function fileEntry(
  ctx: AppContext,
  log: MissionLog,
  bytes: Uint8Array,
  caller: string,
  /** The clock signed times are judged by (enforceWorkflow); the server's unless told. */
  now?: string,
): Promise<{ index: number; id: string }> {
  const admitted = await log.admission.admit(bytes);
  const filing = await judgeEntry(ctx, log, admitted.envelope, caller, 'public', now);
  const leaf = await leafFor(log, admitted, filing);
  const index = await appendJudged(ctx, log, admitted.envelope, leaf, filing);
  await workflowFor(ctx).catchUp(log.slug);
  if (admitted.envelope.kind === 'release') await revealReleased(workflowFor(ctx), log);
  return { index, id: admitted.entry.id };
}

export interface ConfidentialFiling {
  /** The confidential record's canonical signed entry (text). */
  entry: string;
  /** The commitment entry (text), digest = SHA-256(salt ‖ entry). */
  commitment: string;
  /** Base64 of the 32-byte salt. */
  salt: string;
}

/**
 * Files a confidential record: both entries pass admission and the rules, the commitment must be
 * the record author's and match; the record and salt are stored privately, then only the
 * commitment is appended to the log.
 */
export async function fileConfidential(
  ctx: AppContext,
  log: MissionLog,
  filing: ConfidentialFiling,
  caller: string,
  now?: string,
): Promise<{ index: number; id: string; record: string }> {
  const wf = workflowFor(ctx);
  const recordBytes = utf8Encode(filing.entry);
  const commitmentBytes = utf8Encode(filing.commitment);
  await log.admission.check(recordBytes);
  const record = await enforceWorkflow(ctx, log.slug, recordBytes, caller, 'confidential', now);
  if (!(CONFIDENTIAL_KINDS as readonly string[]).includes(record.kind))
    throw new HttpError(
      422,
      'workflow',
      `rule confidential_kind: only reports and responses may be confidential (a ${record.kind})`,
      { rule: 'confidential_kind' },
    );
  if (await wf.getRecord(log.slug, record.id, { role: 'admin', org: '', user: '' }))
    throw new HttpError(409, 'duplicate', `couldn't accept record: ${record.id} is already filed`);
  const commitmentEntry = await log.admission.check(commitmentBytes);
  const commitment = parseEntry(commitmentBytes);
  if (commitment.kind !== 'commitment')
    throw new HttpError(
      400,
      'schema',
      `couldn't accept record: "commitment" is a ${commitment.kind} entry`,
      { issues: [{ path: 'commitment', message: 'must be a commitment entry' }] },
    );
  await enforceWorkflow(ctx, log.slug, commitmentBytes, caller, 'confidential', now);
  if (commitment.author !== record.author)
    throw new HttpError(
      422,
      'workflow',
      'rule commitment_author: the commitment is signed by the record’s author',
      { rule: 'commitment_author' },
    );
  const digest = (commitment.body as { digest: string }).digest;
  if (!revealMatches(digest, filing.salt, filing.entry))
    throw new HttpError(
      422,
      'workflow',
      `rule reveal_matches: the revealed salt and entry must hash to the commitment (SHA-256(salt ‖ entry) is not ${digest})`,
      { rule: 'reveal_matches' },
    );
  // Durable before the commitment is: a logged commitment always has its record here.
  await wf.putConfidential(log.slug, {
    commitment: commitment.id,
    side: (commitment.body as { side: string }).side,
    salt: filing.salt,
    entry: filing.entry,
    createdAt: new Date().toISOString(),
  });
  let index: number;
  try {
    index = await log.sequencer.append(commitmentEntry);
  } catch (err) {
    // Not in the log (e.g. 503, retry later): the private half goes too, nothing changed.
    await wf.deleteConfidential(log.slug, commitment.id);
    throw err;
  }
  await wf.catchUp(log.slug);
  return { index, id: commitment.id, record: record.id };
}
