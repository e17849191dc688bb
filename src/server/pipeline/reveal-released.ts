// Reveal on release (issue 9, finding 2): once an incident is released, every record of it that
// entered the log sealed is opened by a `reveal` the log key signs, carrying the salt and the entry,
// so anyone can check it against its commitment (src/core/sealing/reveal-check.ts, run by the
// server here, by `truceline verify`, the Go client and the browser). Run after the read model
// applies new entries and at start (a crash between a release and its reveals is repaired then).
// One run at a time per log, and a run waits until the read model has applied its reveals, so the
// next run never reveals the same commitment again.
import { parseEntry } from '../../core/envelope.js';
import { checkReveal } from '../../core/sealing/reveal-check.js';
import { revealEntry } from '../../core/sealing/seal.js';
import type { MissionLog } from '../../log/service.js';
import type { WorkflowStore } from '../../store/workflow-store.js';

const chains = new WeakMap<MissionLog, Promise<number>>();

/** Reveals the sealed records of released incidents not yet revealed; resolves with how many. */
export function revealReleased(wf: WorkflowStore, log: MissionLog): Promise<number> {
  const prev = chains.get(log) ?? Promise.resolve(0);
  const next = prev.catch(() => 0).then(() => revealNow(wf, log));
  chains.set(log, next);
  return next;
}

async function revealNow(wf: WorkflowStore, log: MissionLog): Promise<number> {
  await wf.catchUp(log.slug);
  const due = await wf.db
    .selectFrom('wf_records as r')
    .innerJoin('wf_incidents as i', (j) =>
      j.onRef('i.mission', '=', 'r.mission').onRef('i.id', '=', 'r.incident'),
    )
    .innerJoin('sealed_entries as s', (j) =>
      j.onRef('s.mission', '=', 'r.mission').onRef('s.commitment', '=', 'r.sealed_by'),
    )
    .innerJoin('entries as c', (j) =>
      j.onRef('c.mission', '=', 'r.mission').onRef('c.id', '=', 'r.sealed_by'),
    )
    .select(['s.commitment', 's.salt', 's.entry', 'c.bytes as leaf', 'r.idx'])
    .where('r.mission', '=', log.slug)
    .where('i.status', '=', 'released')
    .where('r.reveal_idx', 'is', null)
    .where('r.refused', 'is', null)
    .orderBy('r.idx')
    .execute();
  if (due.length === 0) return 0;
  const appended: Promise<number>[] = [];
  for (const d of due) {
    const entry = new Uint8Array(d.entry);
    const reveal = await revealEntry(log.slug, d.commitment, d.salt, entry, log.sealer);
    // The check every reader will run, run first: never publish a reveal that fails it.
    const checked = checkReveal(
      parseEntry(new Uint8Array(d.leaf)),
      reveal.envelope.body as { commitment: string; salt: string; entry: string },
    );
    if (!checked.ok)
      throw new Error(`couldn't reveal the record at entry ${d.idx}: ${checked.why}`);
    appended.push(
      log.sequencer.append({
        id: reveal.envelope.id,
        kind: 'reveal',
        author: reveal.envelope.author,
        at: reveal.envelope.at,
        bytes: reveal.bytes,
      }),
    );
  }
  await Promise.all(appended);
  await wf.catchUp(log.slug);
  return due.length;
}
