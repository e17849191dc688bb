// The two API calls the globe page makes, and a check of the shape it relies on. Everything here is
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
