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
  if (query.verdict?.length) where.push(verdictSql(query.verdict, viewer));
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

/**
 * The verdict filter. A verdict is shown only on a released incident unless the viewer reads
 * everything (workflow-store.ts toRow), so for the others an unreleased incident's verdict counts
 * as none: filtering on it would tell a party what the finding not yet released says.
 */
function verdictSql(verdicts: readonly string[], viewer: Viewer): RawBuilder<unknown> {
  const named = verdicts.filter((v) => v !== 'none');
  const all = seesEverything(viewer);
  const parts: RawBuilder<unknown>[] = [];
  if (named.length)
    parts.push(
      all
        ? sql`i.verdict in (${sql.join(named)})`
        : sql`(i.status = 'released' and i.verdict in (${sql.join(named)}))`,
    );
  if (named.length < verdicts.length)
    parts.push(all ? sql`i.verdict is null` : sql`(i.verdict is null or i.status <> 'released')`);
  return sql`(${sql.join(parts, sql` or `)})`;
}
