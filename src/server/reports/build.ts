// Computes a report for a mission, a day range and a caller (issue 14 item 1): the incident counts
// of the period and of the previous period of the same length (period.ts), the sections
// (sections.ts), the cut-off and the checkpoint they were read at. Everything is read through the
// read model's public methods with the caller's viewer, so a report shows what its reader may see.
import type { AppContext } from '../app.js';
import type { IncidentDetail, IncidentRow, Viewer } from '../../store/workflow-store.js';
import { workflowFor } from '../workflow/context.js';
import { MAX_LIMIT } from '../routes/incidents.js';
import { comparePeriods, countRows, previousPeriod, type DayRange } from './period.js';
import type { PeriodReport, ReportCheckpoint, ReportKind } from './report-types.js';
import { penaltiesFor } from '../routes/penalties.js';
import { reportSections, type ReportPenalties } from './sections.js';

const DAY_MS = 86_400_000;
/**
 * Allegations, responses and task closures are read from incidents dated up to this many days
 * before the previous period: the longest response deadline a mission may set (90 days, the
 * mission schema's responseDeadlineHours bound), so every response due in the report's window is
 * seen. An allegation filed much later than its incident's date is outside that window.
 */
const LOOKBACK_DAYS = 90;
/** Incident details read at once (each is a few queries). */
const DETAIL_CONCURRENCY = 8;

export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

export async function* incidentsIn(
  ctx: AppContext,
  slug: string,
  range: DayRange,
  viewer: Viewer,
): AsyncGenerator<IncidentRow> {
  let cursor: string | undefined;
  for (;;) {
    const p = await workflowFor(ctx).listIncidents(
      slug,
      { from: range.from, to: range.to, limit: MAX_LIMIT, ...(cursor ? { cursor } : {}) },
      viewer,
    );
    yield* p.items;
    if (!p.next) return;
    cursor = p.next;
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function details(
  ctx: AppContext,
  slug: string,
  rows: IncidentRow[],
  viewer: Viewer,
  now: Date,
): Promise<IncidentDetail[]> {
  const wf = workflowFor(ctx);
  const out: IncidentDetail[] = [];
  for (let i = 0; i < rows.length; i += DETAIL_CONCURRENCY) {
    const batch = await Promise.all(
      rows.slice(i, i + DETAIL_CONCURRENCY).map((r) => wf.getIncident(slug, r.id, viewer, now)),
    );
    for (const d of batch) if (d) out.push(d);
  }
  return out;
}

/** The checkpoint a note names: origin, size and root hash are its first three lines. */
function checkpointOf(ctx: AppContext, slug: string): ReportCheckpoint | null {
  const cp = ctx.logs?.get(slug)?.sequencer.latest();
  if (!cp) return null;
  const [origin = '', size = '', rootHash = ''] = cp.note.split('\n');
  return { origin, size: Number(size), rootHash, cosigners: cp.cosigners };
}

/** How long a report waits for a checkpoint that covers what it reads (then names the latest). */
const CHECKPOINT_WAIT_MS = 3000;

async function checkpointCovering(ctx: AppContext, slug: string, size: number): Promise<void> {
  const seq = ctx.logs?.get(slug)?.sequencer;
  if (!seq || size === 0 || (seq.latest()?.size ?? 0) >= size) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    seq.checkpointCovering(size - 1).catch(() => undefined),
    new Promise((r) => (timer = setTimeout(r, CHECKPOINT_WAIT_MS))),
  ]);
  clearTimeout(timer);
}

export function daysOf(range: DayRange): number {
  return Math.round((dayMs(range.to) - dayMs(range.from)) / DAY_MS) + 1;
}

export async function buildReport(
  ctx: AppContext,
  kind: ReportKind,
  slug: string,
  period: DayRange,
  viewer: Viewer,
): Promise<PeriodReport> {
  const wf = workflowFor(ctx);
  const now = new Date();
  // The figures are read from the entries applied now; the checkpoint named should cover them all,
  // so a reader can check every figure against it: a lagging one is waited for, briefly.
  const entriesApplied = await wf.applied(slug);
  await checkpointCovering(ctx, slug, entriesApplied);
  const checkpoint = checkpointOf(ctx, slug);
  const cutOff = now.toISOString();
  const previous = previousPeriod(period.from, period.to);
  const rows = await collect(incidentsIn(ctx, slug, period, viewer));
  const before = await collect(incidentsIn(ctx, slug, previous, viewer));
  const windowRows = await collect(
    incidentsIn(
      ctx,
      slug,
      { from: isoDay(dayMs(previous.from) - LOOKBACK_DAYS * DAY_MS), to: period.to },
      viewer,
    ),
  );
  const doc = (await ctx.store.getMission(slug))!.doc;
  const now_ = countRows(rows, doc.sectors);
  const prev = countRows(before, doc.sectors);
  const sections = reportSections({
    period,
    previous,
    details: await details(ctx, slug, windowRows, viewer, now),
    crossings: await wf.crossings(slug, viewer),
    compliance: await wf.compliance(slug, cutOff),
    majorIncidentFatalities: doc.workflow.majorIncidentFatalities,
    penalties: await reportPenalties(ctx, slug, viewer, cutOff),
  });
  return {
    kind,
    mission: slug,
    missionName: doc.name,
    period: { ...period, days: daysOf(period) },
    previous: { ...previous, counts: prev },
    cutOff,
    checkpoint,
    entriesApplied,
    readAs: viewer.role,
    counts: now_,
    change: comparePeriods(now_, prev),
    sections,
    note:
      now_.unverified > 0
        ? `${now_.unverified} of ${now_.total} incidents are reported but not verified: no finding has been released on them.`
        : null,
  };
}

/** Penalties as of the cut-off (issue 11 item 7); the steps due only in a mediator's report. */
async function reportPenalties(
  ctx: AppContext,
  slug: string,
  viewer: Viewer,
  cutOff: string,
): Promise<ReportPenalties | null> {
  const mediator = viewer.role === 'mediator';
  const a = await penaltiesFor(ctx, slug, mediator);
  if (!a.schedules.length) return null;
  const title = (id: string) => a.schedules.find((x) => x.agreement === id)?.title ?? id;
  return {
    imposed: a.penalties
      .filter((p) => p.status === 'imposed' && p.imposedAt !== null && p.imposedAt <= cutOff)
      .map((p) => ({
        party: p.party,
        agreement: title(p.agreement),
        title: p.title,
        imposedAt: p.imposedAt!,
        endorsers: p.endorsers,
      })),
    due: mediator
      ? (a.due ?? []).map((d) => ({
          party: d.party,
          agreement: title(d.agreement),
          title: d.title,
          why: d.why,
        }))
      : null,
  };
}
