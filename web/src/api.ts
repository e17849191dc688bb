// The API calls the globe page makes, and checks of the shapes it relies on. Everything here is
// attacker-controlled text as far as the page is concerned: it is only ever rendered with
// textContent, never as HTML.
import type { MultiLineString } from 'geojson';
import type { MissionDoc } from '../../src/core/records/mission.js';

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

/** One released incident as GET /api/v1/missions/<slug>/incidents lists it (the fields shown). */
export interface ApiIncident {
  id: string;
  title: string;
  type: string;
  status: string;
  date: string;
  location: {
    name?: string;
    admin1?: string;
    admin2?: string;
    country?: string;
    lat: number;
    lon: number;
  };
  fatalities: number | null;
  parties: string[];
  verdict: string | null;
  attribution: string | null;
}

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

/**
 * The incidents this caller may see, newest first: anonymous callers (the portal) get the released
 * ones only. Follows the `next` cursor for a few pages.
 */
export async function listIncidents(slug: string, signal?: AbortSignal): Promise<ApiIncident[]> {
  const out: ApiIncident[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_INCIDENT_PAGES; page++) {
    const q = new URLSearchParams({ limit: '1000' });
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
    if (!cursor) break;
  }
  return out;
}
