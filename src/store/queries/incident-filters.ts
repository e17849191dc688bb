// The incident list's filters that every dialect applies the same way (incident-list.ts).
import { sql, type RawBuilder } from 'kysely';
import type { IncidentQuery, Viewer } from '../workflow-store.js';
import { HIDDEN_MARK, seesEverything, visibleSql } from './incident-keys.js';

/** The filters on `i` (wf_incidents) every dialect applies the same way. */
export function commonFilters(
  mission: string,
  query: IncidentQuery,
  viewer: Viewer,
): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [sql`i.mission = ${mission}`, visibleSql(viewer)];
  if (query.from) where.push(sql`i.date >= ${query.from}`);
  if (query.to) where.push(sql`i.date <= ${query.to}`);
  if (query.type?.length) where.push(sql`i.type in (${sql.join(query.type)})`);
  if (query.status?.length) where.push(sql`i.status in (${sql.join(query.status)})`);
  if (query.party?.length) {
    const hidden = seesEverything(viewer);
    const involves = (p: string) =>
      hidden
        ? sql`(i.orgs like ${`% ${p} %`} or i.orgs like ${`% ${HIDDEN_MARK}${p} %`})`
        : sql`i.orgs like ${`% ${p} %`}`;
    where.push(sql`(${sql.join(query.party.map(involves), sql` or `)})`);
  }
  return where;
}
