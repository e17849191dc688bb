// Projecting `incident` entries into the read model: opening makes the wf_incidents row (and, on
// SQLite, its R*Tree point) and links its reports; add_reports links more.
import type { KindProjection } from './context.js';
import { sql } from 'kysely';

export const incidentProjection: KindProjection<'incident'> = {
  async apply(c) {
    const { tx, mission, env, meta, incident } = c;

    const ib = c.body;
    if (ib.action === 'open') {
      await tx
        .insertInto('wf_incidents')
        .values({
          mission,
          id: env.id,
          idx: meta.idx,
          title: ib.title,
          type: ib.type,
          status: 'reported',
          date: ib.occurred.date,
          time_precision: ib.occurred.time_precision,
          location: JSON.stringify(ib.location),
          lat: ib.location.lat,
          lon: ib.location.lon,
          fatalities: null,
          finding: null,
          verdict: null,
          attribution: null,
          released_idx: null,
          orgs: ' ',
          search: [ib.title, ib.summary ?? '', ib.location.name, ib.type.replace(/_/g, ' ')].join(
            '\n',
          ),
        })
        .execute();
    }
    if (ib.action === 'open' && c.dialect === 'sqlite') {
      const key = c.ops.listKey(await c.ops.missionNo(mission), ib.occurred.date, meta.idx);
      const { lat, lon } = ib.location;
      await sql`insert into wf_incidents_geo (id, min_lat, max_lat, min_lon, max_lon, mission)
            values (${key}, ${lat}, ${lat}, ${lon}, ${lon}, ${mission})`.execute(tx);
    }
    if (ib.action === 'open' || ib.action === 'add_reports')
      await c.ops.linkReports(tx, mission, env.id === incident ? env.id : incident!, ib.reports);
  },
};
