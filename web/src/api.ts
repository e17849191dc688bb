// The API calls the globe page makes, and checks of the shapes it relies on. Everything here is
// attacker-controlled text as far as the page is concerned: it is only ever rendered with
// textContent, never as HTML.
import type { MultiLineString } from 'geojson';
import type { MissionDoc } from '../../src/core/records/mission.js';
// The read API's shapes come from the modules the server builds them with (issue 12, item 3), so a
// change there breaks the build here: pick what the page relies on, never copy by hand.
import type {
  CrossingStatusView,
  CrossingView,
  IncidentRow,
} from '../../src/core/views/read-model.js';
import type {
  Compliance,
  TermCompliance,
  TermPartyCompliance,
} from '../../src/core/workflow/compliance.js';

export interface MissionSummary {
  slug: string;
  name: string;
  description: string;
}

/** GET /api/v1/missions/<slug>: the mission document without demo users, plus geometry and log. */
export type ApiMission = Omit<MissionDoc, 'demoUsers' | 'boundaries'> & {
  boundaries: (MissionDoc['boundaries'][number] & { geometry: MultiLineString | null })[];
  log: { origin: string; prefix: string; vkey: string | null };
};

export class ApiError extends Error {
  override name = 'ApiError';
}

async function getJson(path: string, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(path, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    throw new ApiError(`couldn't reach the server for ${path}`, { cause: err });
  }
  if (!res.ok) throw new ApiError(`couldn't load ${path}: HTTP ${res.status}`);
  try {
    return await res.json();
  } catch (err) {
    throw new ApiError(`couldn't read ${path}: not JSON`, { cause: err });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function need(ok: boolean, what: string): asserts ok {
  if (!ok) throw new ApiError(`couldn't read the mission: ${what}`);
}

export async function listMissions(signal?: AbortSignal): Promise<MissionSummary[]> {
  const body = await getJson('/api/v1/missions', signal);
  need(isObject(body) && Array.isArray(body.missions), 'the mission list has no "missions" array');
  return (body.missions as unknown[]).filter(
    (m): m is MissionSummary =>
      isObject(m) && typeof m.slug === 'string' && typeof m.name === 'string',
  );
}

/**
 * Checks the fields this page reads. The server validated the document against MissionDocSchema;
 * this only guards the page against a server of another version, without shipping zod.
 */
function checkMission(m: unknown): asserts m is ApiMission {
  need(isObject(m), 'not an object');
  need(typeof m.slug === 'string' && typeof m.name === 'string', 'no slug or name');
  need(typeof m.description === 'string', 'no description');
  need(isObject(m.region) && Array.isArray(m.region.center), 'no region');
  for (const key of ['organisations', 'boundaries', 'crossings', 'agreements', 'terms']) {
    need(Array.isArray(m[key]), `"${key}" is not a list`);
  }
  for (const c of m.crossings as unknown[]) {
    need(
      isObject(c) &&
        typeof c.id === 'string' &&
        typeof c.name === 'string' &&
        Number.isFinite(c.lat) &&
        Number.isFinite(c.lon),
      'a crossing has no id, name or coordinates',
    );
  }
  need(isObject(m.log), 'no log');
}

export async function getMission(slug: string, signal?: AbortSignal): Promise<ApiMission> {
  const body = await getJson(`/api/v1/missions/${encodeURIComponent(slug)}`, signal);
  checkMission(body);
  return body;
}

type IncidentLocation = IncidentRow['location'];

/**
 * One released incident as GET /api/v1/missions/<slug>/incidents lists it (the read model's
 * IncidentRow, the fields shown). The place names are optional: isIncident keeps an item without
 * them rather than dropping it.
 */
export type ApiIncident = Pick<
  IncidentRow,
  'id' | 'title' | 'type' | 'status' | 'date' | 'fatalities' | 'parties' | 'verdict' | 'attribution'
> & {
  location: Pick<IncidentLocation, 'lat' | 'lon'> &
    Partial<Pick<IncidentLocation, 'name' | 'admin1' | 'admin2' | 'country'>>;
};

/** Pages of 1,000 followed at most: the public portal draws 5,000 points, not a whole archive. */
const MAX_INCIDENT_PAGES = 5;

const optString = (v: unknown) => v === undefined || v === null || typeof v === 'string';

/** Keeps the items the page can draw; one malformed item is dropped, not the whole list. */
function isIncident(v: unknown): v is ApiIncident {
  if (!isObject(v) || !isObject(v.location)) return false;
  const loc = v.location;
  return (
    typeof v.id === 'string' &&
    typeof v.title === 'string' &&
    typeof v.type === 'string' &&
    typeof v.date === 'string' &&
    Number.isFinite(loc.lat) &&
    Number.isFinite(loc.lon) &&
    (v.fatalities === null || v.fatalities === undefined || Number.isFinite(v.fatalities)) &&
    optString(v.verdict) &&
    optString(v.attribution) &&
    optString(loc.name)
  );
}

export interface IncidentPaging {
  /** Items per request (the API's limit, at most 1,000). */
  pageSize?: number;
  /** Requests followed at most. */
  maxPages?: number;
  /**
   * Called after each page with every item so far and whether the server holds more than will be
   * fetched (so a page can draw the first rows while the rest load, and say the list is capped).
   */
  onPage?: (items: readonly ApiIncident[], more: boolean) => void;
}

/**
 * The incidents this caller may see, newest first: anonymous callers (the portal) get the released
 * ones only. Follows the `next` cursor for a few pages.
 */
export async function listIncidents(
  slug: string,
  signal?: AbortSignal,
  /**
   * The API's filters: only these days (YYYY-MM-DD, inclusive); `q`: only the incidents the
   * server's full-text search finds for these words; type, party, verdict: comma lists; bbox:
   * minLon,minLat,maxLon,maxLat (src/server/routes/incidents.ts).
   */
  range?: {
    from?: string;
    to?: string;
    q?: string;
    type?: string;
    party?: string;
    verdict?: string;
    bbox?: string;
  },
  paging: IncidentPaging = {},
): Promise<ApiIncident[]> {
  const out: ApiIncident[] = [];
  let cursor: string | null = null;
  const maxPages = paging.maxPages ?? MAX_INCIDENT_PAGES;
  for (let page = 0; page < maxPages; page++) {
    const q = new URLSearchParams({ limit: String(paging.pageSize ?? 1000), ...range });
    if (cursor) q.set('cursor', cursor);
    const body = await getJson(
      `/api/v1/missions/${encodeURIComponent(slug)}/incidents?${q}`,
      signal,
    );
    if (!isObject(body) || !Array.isArray(body.items)) {
      throw new ApiError('couldn\'t read the incidents: no "items" list');
    }
    for (const item of body.items as unknown[]) {
      if (isIncident(item))
        out.push({
          ...item,
          parties: Array.isArray(item.parties)
            ? item.parties.filter((x) => typeof x === 'string')
            : [],
        });
    }
    cursor = typeof body.next === 'string' && body.next ? body.next : null;
    paging.onPage?.(out, cursor !== null && page + 1 >= maxPages);
    if (!cursor) break;
  }
  return out;
}

/** One status of a crossing as GET …/crossings reports it (the mission's crossing authorities). */
export type ApiCrossingStatus = Pick<CrossingStatusView, 'status' | 'effectiveAt'> &
  Partial<Pick<CrossingStatusView, 'cause'>>;

export type ApiCrossing = Pick<CrossingView, 'crossing' | 'name'> & {
  current: ApiCrossingStatus | null;
  /** Newest first, as the API answers. */
  history: ApiCrossingStatus[];
};

function isStatus(v: unknown): v is ApiCrossingStatus {
  return isObject(v) && typeof v.status === 'string' && typeof v.effectiveAt === 'string';
}

export async function listCrossings(slug: string, signal?: AbortSignal): Promise<ApiCrossing[]> {
  const body = await getJson(`/api/v1/missions/${encodeURIComponent(slug)}/crossings`, signal);
  if (!isObject(body) || !Array.isArray(body.crossings)) {
    throw new ApiError('couldn\'t read the crossings: no "crossings" list');
  }
  return (body.crossings as unknown[]).flatMap((c): ApiCrossing[] =>
    isObject(c) && typeof c.crossing === 'string' && typeof c.name === 'string'
      ? [
          {
            crossing: c.crossing,
            name: c.name,
            current: isStatus(c.current) ? c.current : null,
            history: Array.isArray(c.history) ? c.history.filter(isStatus) : [],
          },
        ]
      : [],
  );
}

/** GET …/compliance (src/core/workflow/compliance.ts assembleCompliance): the fields the board shows. */
export type ApiComplianceParty = TermPartyCompliance;

export type ApiCompliance = Pick<Compliance, 'asOf' | 'majorIncidentFatalities'> & {
  terms: Pick<TermCompliance, 'term' | 'title' | 'parties'>[];
};

const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isDays = (v: unknown) => v === null || isCount(v);

export async function getCompliance(slug: string, signal?: AbortSignal): Promise<ApiCompliance> {
  const body = await getJson(`/api/v1/missions/${encodeURIComponent(slug)}/compliance`, signal);
  if (!isObject(body) || !Array.isArray(body.terms) || typeof body.asOf !== 'string') {
    throw new ApiError('couldn\'t read the compliance board: no "terms" list');
  }
  const terms = (body.terms as unknown[]).flatMap((tm): ApiCompliance['terms'] => {
    if (!isObject(tm) || typeof tm.term !== 'string' || !Array.isArray(tm.parties)) return [];
    const parties = (tm.parties as unknown[]).filter(
      (p): p is ApiComplianceParty =>
        isObject(p) &&
        typeof p.party === 'string' &&
        isCount(p.confirmedViolations) &&
        isCount(p.probableViolations) &&
        isCount(p.openAllegations) &&
        isDays(p.daysSinceLastConfirmedViolation) &&
        isDays(p.daysSinceLastMajorViolation),
    );
    return [{ term: tm.term, title: typeof tm.title === 'string' ? tm.title : tm.term, parties }];
  });
  return {
    asOf: body.asOf,
    majorIncidentFatalities: isCount(body.majorIncidentFatalities)
      ? (body.majorIncidentFatalities as number)
      : 0,
    terms,
  };
}

/** A count against the previous period, graded like ACLED's Trendfinder (src/server/reports). */
export interface ApiChange {
  current: number;
  previous: number;
  level: string;
}

/**
 * GET …/reports/daily?date=: the day against the day before (src/server/reports/report-types.ts
 * PeriodReport). Only the fields the page shows; each section is checked, a missing one is empty.
 */
export interface ApiDailyReport {
  missionName: string;
  cutOff: string;
  checkpoint: { size: number; rootHash: string } | null;
  counts: {
    total: number;
    fatalities: number;
    unverified: number;
    byType: Record<string, number>;
    byAdmin1: Record<string, number>;
  };
  previousTotal: number;
  totalChange: ApiChange | null;
  /** Counts by the mission's sectors against the day before, "outside" included; null: none. */
  bySector: Record<string, ApiChange> | null;
  allegations: {
    incident: string;
    incidentTitle: string;
    by: string;
    accused: string;
    at: string;
    deadline: string;
  }[];
  responses: { incident: string; incidentTitle: string; accused: string; at: string }[];
  overdue: { incident: string; incidentTitle: string; by: string; accused: string; at: string }[];
  findings: { incident: string; incidentTitle: string; verdict: string; attribution: string }[];
  accessDenied: { incident: string; incidentTitle: string; deniedBy: string | null; at: string }[];
  crossings: {
    crossing: string;
    name: string;
    status: string | null;
    since: string | null;
    changes: number;
  }[];
  majorIncident: { threshold: number; daysSince: number | null } | null;
}

const isCounts = (v: unknown): v is Record<string, number> =>
  isObject(v) && Object.values(v).every(isCount);
const isChange = (v: unknown): v is ApiChange =>
  isObject(v) && isCount(v.current) && isCount(v.previous) && typeof v.level === 'string';
/** The well-formed changes of a map of them (a malformed one is left out, not guessed). */
const changes = (v: Record<string, unknown>): Record<string, ApiChange> =>
  Object.fromEntries(
    Object.entries(v)
      .filter((e): e is [string, ApiChange] => isChange(e[1]))
      .map(([k, c]) => [k, { current: c.current, previous: c.previous, level: c.level }]),
  );
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const items = (v: unknown): Record<string, unknown>[] =>
  isObject(v) && Array.isArray(v.items)
    ? v.items.filter(isObject)
    : Array.isArray(v)
      ? v.filter(isObject)
      : [];

export async function getDailyReport(
  slug: string,
  date: string,
  signal?: AbortSignal,
): Promise<ApiDailyReport> {
  const q = new URLSearchParams({ date });
  const body = await getJson(
    `/api/v1/missions/${encodeURIComponent(slug)}/reports/daily?${q}`,
    signal,
  );
  if (!isObject(body) || !isObject(body.counts) || !isCount(body.counts.total)) {
    throw new ApiError('couldn\'t read the daily report: no "counts"');
  }
  const c = body.counts;
  const sec = isObject(body.sections) ? body.sections : {};
  const change = isObject(body.change) && isObject(body.change.total) ? body.change.total : null;
  const sectors =
    isObject(body.change) && isObject(body.change.bySector) ? body.change.bySector : null;
  const prev =
    isObject(body.previous) && isObject(body.previous.counts) ? body.previous.counts : {};
  const cp = isObject(body.checkpoint) && isCount(body.checkpoint.size) ? body.checkpoint : null;
  const major = isObject(sec.majorIncident) ? sec.majorIncident : null;
  return {
    missionName: str(body.missionName),
    cutOff: str(body.cutOff),
    checkpoint: cp ? { size: cp.size as number, rootHash: str(cp.rootHash) } : null,
    counts: {
      total: c.total as number,
      fatalities: isCount(c.fatalities) ? (c.fatalities as number) : 0,
      unverified: isCount(c.unverified) ? (c.unverified as number) : 0,
      byType: isCounts(c.byType) ? c.byType : {},
      byAdmin1: isCounts(c.byAdmin1) ? c.byAdmin1 : {},
    },
    previousTotal: isCount(prev.total) ? (prev.total as number) : 0,
    totalChange:
      change &&
      isCount(change.current) &&
      isCount(change.previous) &&
      typeof change.level === 'string'
        ? {
            current: change.current as number,
            previous: change.previous as number,
            level: change.level,
          }
        : null,
    bySector: sectors ? changes(sectors) : null,
    allegations: items(sec.allegations).map((x) => ({
      incident: str(x.incident),
      incidentTitle: str(x.incidentTitle),
      by: str(x.by),
      accused: str(x.accused),
      at: str(x.at),
      deadline: str(x.deadline),
    })),
    responses: items(sec.responses).map((x) => ({
      incident: str(x.incident),
      incidentTitle: str(x.incidentTitle),
      accused: str(x.accused),
      at: str(x.at),
    })),
    overdue: items(sec.overdue).map((x) => ({
      incident: str(x.incident),
      incidentTitle: str(x.incidentTitle),
      by: str(x.by),
      accused: str(x.accused),
      at: str(x.at),
    })),
    findings: items(sec.findingsReleased).map((x) => ({
      incident: str(x.incident),
      incidentTitle: str(x.incidentTitle),
      verdict: str(x.verdict),
      attribution: str(x.attribution),
    })),
    accessDenied: items(sec.accessDenied).map((x) => ({
      incident: str(x.incident),
      incidentTitle: str(x.incidentTitle),
      deniedBy: typeof x.deniedBy === 'string' ? x.deniedBy : null,
      at: str(x.at),
    })),
    crossings: items(sec.crossings).map((x) => ({
      crossing: str(x.crossing),
      name: str(x.name),
      status: typeof x.status === 'string' ? x.status : null,
      since: typeof x.since === 'string' ? x.since : null,
      changes: Array.isArray(x.changes) ? x.changes.length : 0,
    })),
    majorIncident:
      major && isCount(major.threshold)
        ? {
            threshold: major.threshold as number,
            daysSince: isCount(major.daysSince) ? (major.daysSince as number) : null,
          }
        : null,
  };
}
