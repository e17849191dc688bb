// The desk's bulk actions (issue 11 item 6: "bulk actions … and a progress bar for long ones"):
// a selection becomes as few signed entries as the schemas allow — an entry names at most 200
// records (src/core/records/workflow.ts) — signed and POSTed one after another, the progress bar
// moving as each is accepted. A refusal stops the run and says which records were done: what was
// signed before it is in the log and stays there.
import type { ConsoleContext } from '../sections.js';

/** The most records one incident entry may name (reports / records: .max(200)). */
export const MAX_PER_ENTRY = 200;

export type BulkAction =
  | { kind: 'group_new'; title: string; first: Record<string, unknown> }
  | { kind: 'group_existing'; incident: string }
  | { kind: 'duplicate'; of: string }
  | { kind: 'dismiss'; reason: string };

/** The incident entry bodies of an action over `ids`, in the order they must be filed. */
export function bulkBodies(
  action: BulkAction,
  ids: readonly string[],
  /** The id the "open" entry gets (the new incident's id), for the add_reports that follow it. */
  newIncident?: string,
): Record<string, unknown>[] {
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += MAX_PER_ENTRY) chunks.push(ids.slice(i, i + MAX_PER_ENTRY));
  return chunks.map((chunk, i) => {
    switch (action.kind) {
      case 'group_new':
        return i === 0
          ? { action: 'open', title: action.title, ...action.first, reports: chunk }
          : { action: 'add_reports', incident: newIncident!, reports: chunk };
      case 'group_existing':
        return { action: 'add_reports', incident: action.incident, reports: chunk };
      case 'duplicate':
        return { action: 'duplicate', records: chunk, of: action.of };
      case 'dismiss':
        return { action: 'dismiss', records: chunk, reason: action.reason };
    }
  });
}

export interface BulkOutcome {
  done: number;
  entries: { id: string; index: number }[];
  /** The incident a group_new opened. */
  incident?: string;
}

/** Signs and files the action's entries in order; `progress(done)` after each accepted entry. */
export async function runBulk(
  ctx: ConsoleContext,
  action: BulkAction,
  ids: readonly string[],
  progress: (done: number) => void,
): Promise<BulkOutcome> {
  const out: BulkOutcome = { done: 0, entries: [] };
  let incident: string | undefined;
  const bodies = bulkBodies(action, ids, '');
  for (let i = 0; i < bodies.length; i++) {
    const body = bodies[i]!;
    if (body.action === 'add_reports' && action.kind === 'group_new') body.incident = incident;
    const signed = await ctx.sign({ kind: 'incident', body });
    const answer = (await ctx.api.postEntry(signed.bytes)) as { index: number };
    if (i === 0 && action.kind === 'group_new') incident = out.incident = signed.id;
    out.entries.push({ id: signed.id, index: answer.index });
    out.done += ((body.reports ?? body.records) as string[]).length;
    progress(out.done);
  }
  return out;
}
