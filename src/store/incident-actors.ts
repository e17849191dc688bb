// The actors and accused parties of a page of incidents, for the exports' ACLED actor columns:
// read from the incidents' reports (wf_reports joined to their records' bodies) in filing order,
// only those the viewer may see (the same rule as an incident's record list: refused records for
// mission-wide readers only, confidential ones for their own side), superseded reports left out.
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../core/taxonomy.js';
import type { Database } from './schema.js';
import type { WorkflowTables } from './workflow-schema.js';
import { seesEverything, type Viewer } from './workflow-store.js';

export interface IncidentActors {
  actors: Actor[];
  accused: string[];
}

/** Incidents per query: bounded so the IN list stays small on both drivers. */
const BATCH = 500;

function visible(viewer: Viewer, visibility: string, refused: string | null): boolean {
  if (seesEverything(viewer)) return true;
  if (refused !== null) return false;
  if (visibility === 'public') return true;
  return viewer.role !== 'public' && visibility === `side:${viewer.org}`;
}

export async function incidentActors(
  db: Kysely<Database & WorkflowTables>,
  mission: string,
  incidents: readonly string[],
  viewer: Viewer,
): Promise<Map<string, IncidentActors>> {
  const out = new Map<string, IncidentActors>();
  for (let i = 0; i < incidents.length; i += BATCH) {
    const ids = incidents.slice(i, i + BATCH);
    const { rows } = await sql<{
      incident: string;
      accused: string | null;
      body: string;
      visibility: string;
      refused: string | null;
    }>`
      select r.incident, r.accused, rec.body, rec.visibility, rec.refused
      from wf_reports r
      join wf_records rec on rec.mission = r.mission and rec.id = r.id
      where r.mission = ${mission} and r.incident in (${sql.join(ids)})
        and rec.superseded_by is null
      order by rec.idx`.execute(db);
    for (const r of rows) {
      if (!visible(viewer, r.visibility, r.refused)) continue;
      const entry = out.get(r.incident) ?? { actors: [], accused: [] };
      let actors: Actor[] = [];
      try {
        actors = (JSON.parse(r.body) as { actors?: Actor[] }).actors ?? [];
      } catch {
        actors = []; // bodies were schema-checked before they were stored
      }
      entry.actors.push(...actors);
      if (r.accused && !entry.accused.includes(r.accused)) entry.accused.push(r.accused);
      out.set(r.incident, entry);
    }
  }
  return out;
}
