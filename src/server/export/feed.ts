// The incremental feed (`?since=<index>`): what changed in the log after a given index, as the
// caller may see it. ACLED's users rely on this shape: an edited event comes again with its new
// state, and deletions come as their own rows (ACLED "deleted events" feed); here a correction
// with a replacement is a `correction` row, one without a replacement a `withdrawal` row.
// Visibility is the incident detail's (WorkflowStore.getIncident): an incident the caller may not
// see, or a change in records it may not see (sealed, refused), gives no row.
import { sql } from 'kysely';
import type {
  IncidentDetail,
  IncidentRow,
  Viewer,
  WorkflowStore,
} from '../../store/workflow-store.js';

export type FeedRow =
  | ({ change: 'incident'; changedIndex: number } & IncidentRow)
  | {
      change: 'correction' | 'withdrawal';
      index: number;
      id: string;
      incident: string;
      supersedes: { index: number; id: string };
      reason: string;
      at: string;
      author: string;
    };

/** Incidents changed after `since`, a page at a time in order of their last change. */
const PAGE = 200;

function rowOf(d: IncidentDetail): IncidentRow {
  const { allegations: _a, tasks: _t, findings: _f, records: _r, ...row } = d;
  return row;
}

export async function* feedPages(
  wf: WorkflowStore,
  mission: string,
  since: number,
  viewer: Viewer,
): AsyncGenerator<FeedRow[]> {
  let after: { last: number; incident: string } | undefined;
  for (;;) {
    const { rows } = await sql<{ incident: string; last: number | string }>`
      select incident, max(idx) as last from wf_records
      where mission = ${mission} and idx > ${since} and incident is not null
      group by incident
      ${after ? sql`having (max(idx) > ${after.last} or (max(idx) = ${after.last} and incident > ${after.incident}))` : sql``}
      order by last, incident limit ${PAGE}`.execute(wf.db);
    if (rows.length === 0) return;
    const out: FeedRow[] = [];
    for (const r of rows) {
      const d = await wf.getIncident(mission, r.incident, viewer);
      if (!d) continue;
      const changed = d.records.filter((x) => x.index > since);
      if (changed.length === 0) continue;
      out.push({
        change: 'incident',
        changedIndex: Math.max(...changed.map((x) => x.index)),
        ...rowOf(d),
      });
      for (const x of changed) {
        if (x.kind !== 'correction') continue;
        const b = x.body as {
          supersedes: { index: number; id: string };
          reason: string;
          replacement?: unknown;
        };
        out.push({
          change: b.replacement === undefined ? 'withdrawal' : 'correction',
          index: x.index,
          id: x.id,
          incident: d.id,
          supersedes: b.supersedes,
          reason: b.reason,
          at: x.at,
          author: x.author,
        });
      }
    }
    yield out;
    const last = rows[rows.length - 1]!;
    after = { last: Number(last.last), incident: last.incident };
  }
}
