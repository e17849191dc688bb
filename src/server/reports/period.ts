// A period's figures against the previous period of the same length: incidents by type and by
// area (admin1) and by the mission's sectors (sectors.ts) when it defines them, each with its
// change level (change-level.ts), and the hedging a reader needs:
// only released incidents carry a finding; the rest are reported, not verified.
import type { Sector } from '../../core/records/mission.js';
import type { IncidentRow } from '../../store/workflow-store.js';
import { changeLevel, type Change } from './change-level.js';
import { OUTSIDE_SECTORS, sectorName } from './sectors.js';

/** A range of whole days, both ends included (YYYY-MM-DD). */
export interface DayRange {
  from: string;
  to: string;
}

export interface PeriodCounts {
  total: number;
  fatalities: number;
  byType: Record<string, number>;
  byAdmin1: Record<string, number>;
  /** By the mission's sectors (every sector named, zeros included); null when it defines none. */
  bySector: Record<string, number> | null;
  /** Incidents per day (YYYY-MM-DD), for the events-per-day chart. */
  byDay: Record<string, number>;
  /** Incidents without a released finding: the report says "reported", never "occurred". */
  unverified: number;
}

export function countRows(
  rows: Iterable<IncidentRow>,
  sectors: readonly Sector[] | undefined = undefined,
): PeriodCounts {
  const c: PeriodCounts = {
    total: 0,
    fatalities: 0,
    byType: {},
    byAdmin1: {},
    // Every sector and "outside" has its row, at zero too, so the rows visibly add up to the total.
    bySector: sectors?.length
      ? Object.fromEntries([...sectors.map((s) => [s.name, 0]), [OUTSIDE_SECTORS, 0]])
      : null,
    byDay: {},
    unverified: 0,
  };
  for (const r of rows) {
    c.total++;
    c.fatalities += r.fatalities ?? 0;
    c.byType[r.type] = (c.byType[r.type] ?? 0) + 1;
    const area = r.location.admin1 ?? '(unknown area)';
    c.byAdmin1[area] = (c.byAdmin1[area] ?? 0) + 1;
    if (c.bySector) {
      const sector = sectorName(sectors!, r.location);
      c.bySector[sector] = (c.bySector[sector] ?? 0) + 1;
    }
    c.byDay[r.date] = (c.byDay[r.date] ?? 0) + 1;
    if (r.status !== 'released') c.unverified++;
  }
  return c;
}

function compareMaps(
  now: Record<string, number>,
  before: Record<string, number>,
): Record<string, Change> {
  // Alphabetical, with the catch-alls ("(outside the sectors)", "(unknown area)") last.
  const catchAll = (k: string) => Number(k.startsWith('('));
  const keys = [...new Set([...Object.keys(now), ...Object.keys(before)])].sort(
    (a, b) => catchAll(a) - catchAll(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  return Object.fromEntries(keys.map((k) => [k, changeLevel(now[k] ?? 0, before[k] ?? 0)]));
}

export interface PeriodComparison {
  total: Change;
  byType: Record<string, Change>;
  byAdmin1: Record<string, Change>;
  /** By the mission's sectors; null when it defines none (then areas are admin1 only). */
  bySector: Record<string, Change> | null;
}

export function comparePeriods(now: PeriodCounts, before: PeriodCounts): PeriodComparison {
  return {
    total: changeLevel(now.total, before.total),
    byType: compareMaps(now.byType, before.byType),
    byAdmin1: compareMaps(now.byAdmin1, before.byAdmin1),
    bySector: now.bySector && before.bySector ? compareMaps(now.bySector, before.bySector) : null,
  };
}

/** The previous period: the same number of days, ending the day before `from`. */
export function previousPeriod(from: string, to: string): DayRange {
  const day = 86_400_000;
  const f = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - f) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(f - days * day), to: iso(f - day) };
}
