// Compliance aggregates in SQL, on SQLite and PostgreSQL alike: per agreement term, the term's check
// rule (core/workflow/compliance.ts, TermRule) becomes a WHERE clause, and the database counts and
// takes the latest dates grouped by party, so no finding or allegation is loaded into memory.
//
// What counts against term T for party P (public facts only, the same answer for every caller):
//  - a released finding attributed to P whose verdict is one of T's verdicts, when the finding names
//    T, or when its incident meets T's rule: type in T.eventTypes, one of T.armedGroups among the
//    actors of the incident's public reports, and (crossBorder) the incident outside P's country;
//  - an open allegation against P (public, not superseded, its incident neither released nor
//    closed) that names T or whose own type, actors and place meet T's rule the same way;
//  - a crossing whose latest official status (entries of the mission's crossing authorities) as
//    of `asOf` is one of T.crossingStatuses (not attributed).
// Major: fatalities (the finding's figure, else the incident's) at or above the mission's threshold;
// the last major incident overall counts released incidents only.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { MissionDoc } from '../core/records/mission.js';
import { crossingAuthorityOrgs } from '../core/workflow/crossing-authority.js';
import {
  termRule,
  type ComplianceAggregates,
  type CrossingBreach,
  type TermPartyAggregate,
  type TermRule,
} from '../core/workflow/compliance.js';
import type { Database } from './schema.js';
import type { Dialect } from './migrations.js';
import type { WorkflowTables } from './workflow-schema.js';

type Db = Kysely<Database & WorkflowTables>;

/** Bound parameters, comma-separated (callers never pass an empty list). */
const list = (values: readonly (string | number)[]) => sql.join([...values]);

/** `col` holds JSON text; the value at `path` (keys) as text. */
function jsonText(d: Dialect, col: RawBuilder<unknown>, path: string[]): RawBuilder<string> {
  return d === 'sqlite'
    ? sql<string>`json_extract(${col}, ${sql.lit(`$.${path.join('.')}`)})`
    : sql<string>`(${col}::jsonb #>> ${sql.lit(`{${path.join(',')}}`)})`;
}

/** True when the JSON body in `col` lists an actor whose name (any case) is one of `names`. */
function actorIn(d: Dialect, col: RawBuilder<unknown>, names: string[]): RawBuilder<SqlBool> {
  return d === 'sqlite'
    ? sql<SqlBool>`exists (select 1 from json_each(${col}, '$.actors') a where lower(json_extract(a.value, '$.name')) in (${list(names)}))`
    : sql<SqlBool>`exists (select 1 from jsonb_array_elements(coalesce(${col}::jsonb -> 'actors', '[]'::jsonb)) a where lower(a ->> 'name') in (${list(names)}))`;
}

/** The party whose side a row is charged to (`party`) is not the country the event lies in. */
function outsideOwnCountry(
  doc: MissionDoc,
  party: RawBuilder<unknown>,
  country: RawBuilder<string>,
): RawBuilder<SqlBool> {
  // A party without a country in the mission document cannot cross a line: nothing matches.
  const sides = doc.organisations
    .filter((o) => o.kind === 'party' && o.country !== undefined)
    .map((o) => sql`(${party} = ${sql.lit(o.code)} and ${country} <> ${sql.lit(o.country!)})`);
  return sides.length ? sql<SqlBool>`(${sql.join(sides, sql` or `)})` : sql<SqlBool>`1 = 0`;
}

/** A term id appears in a JSON array of term ids (ids are slugs: no LIKE wildcards in them). */
function namesTerm(col: RawBuilder<unknown>, term: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${col} like ${sql.lit(`%"${term}"%`)}`;
}

/**
 * The event meets the term's rule, for the party in `party`. `actors(k)` is the precomputed
 * armed-group match of term k (a column of the scan below, so each body is parsed once).
 */
function meetsRule(
  doc: MissionDoc,
  rule: TermRule,
  k: number,
  e: { type: RawBuilder<unknown>; country: RawBuilder<string>; party: RawBuilder<unknown> },
): RawBuilder<SqlBool> {
  if (rule.eventTypes.length === 0) return sql<SqlBool>`1 = 0`;
  const parts = [sql<SqlBool>`${e.type} in (${list(rule.eventTypes)})`];
  if (rule.armedGroups.length) parts.push(sql<SqlBool>`${sql.ref(`g${k}`)} = 1`);
  if (rule.crossBorder) parts.push(outsideOwnCountry(doc, e.party, e.country));
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** One 0/1 column per term with armed groups: whether the event's actors include one. */
function groupColumns(
  rules: TermRule[],
  match: (names: string[]) => RawBuilder<SqlBool>,
): RawBuilder<unknown>[] {
  return rules.flatMap((r, k) =>
    r.armedGroups.length
      ? [sql`case when ${match(r.armedGroups)} then 1 else 0 end as ${sql.ref(`g${k}`)}`]
      : [],
  );
}

/** Whether the row (alias-free columns of the scan) falls under term k for its party. */
function underTerm(doc: MissionDoc, rule: TermRule, k: number, obliged: string[]) {
  const e = { type: sql`type`, country: sql<string>`country`, party: sql`party` };
  return sql<SqlBool>`(party in (${list(obliged)}) and (${namesTerm(sql`terms`, rule.term)} or ${meetsRule(doc, rule, k, e)}))`;
}

function emptyAggregate(party: string): TermPartyAggregate {
  return {
    party,
    violations: 0,
    probable: 0,
    lastViolation: null,
    lastMajorViolation: null,
    openAllegations: 0,
  };
}

const allObliged = (doc: MissionDoc) => [...new Set(doc.terms.flatMap((t) => t.obliged))];

type Row = Record<string, string | number | null> & { party: string };

/**
 * Released findings, read once (a materialised scan: SQLite and PostgreSQL would otherwise
 * re-evaluate the JSON per term), then counted and dated per term in one aggregate.
 */
async function findingsByParty(
  db: Db,
  d: Dialect,
  mission: string,
  doc: MissionDoc,
  rules: TermRule[],
) {
  const major = doc.workflow.majorIncidentFatalities;
  const reportActors = (names: string[]) =>
    sql<SqlBool>`exists (select 1 from wf_reports ar join wf_records arec on arec.mission = ar.mission and arec.id = ar.id where ar.mission = i.mission and ar.incident = i.id and arec.visibility = 'public' and ${actorIn(d, sql`arec.body`, names)})`;
  const aggregates = doc.terms.flatMap((t, k) => {
    const counted = sql`(${underTerm(doc, rules[k]!, k, t.obliged)} and verdict in (${list(rules[k]!.verdicts)}))`;
    return [
      sql`sum(case when ${counted} then 1 else 0 end) as ${sql.ref(`v${k}`)}`,
      sql`sum(case when ${underTerm(doc, rules[k]!, k, t.obliged)} and verdict = 'probable' then 1 else 0 end) as ${sql.ref(`p${k}`)}`,
      sql`max(case when ${counted} then date end) as ${sql.ref(`l${k}`)}`,
      sql`max(case when ${counted} and fatalities >= ${sql.lit(major)} then date end) as ${sql.ref(`m${k}`)}`,
    ];
  });
  const groups = groupColumns(rules, reportActors);
  const { rows } = await sql<Row>`
    with scan as materialized (
      select f.attribution as party, f.verdict as verdict, f.terms as terms, i.type as type,
        i.date as date, coalesce(f.fatalities, i.fatalities, 0) as fatalities,
        ${jsonText(d, sql`i.location`, ['country'])} as country
        ${groups.length ? sql`, ${sql.join(groups)}` : sql``}
      from wf_findings f
      join wf_incidents i on i.mission = f.mission and i.id = f.incident
      where f.mission = ${mission} and f.status = 'released'
        and f.attribution in (${list(allObliged(doc))}))
    select party, ${sql.join(aggregates)} from scan group by party`.execute(db);
  return rows;
}

/** Open public allegations, read once, then counted per term in one aggregate. */
async function allegationsByParty(
  db: Db,
  d: Dialect,
  mission: string,
  doc: MissionDoc,
  rules: TermRule[],
) {
  const groups = groupColumns(rules, (names) => actorIn(d, sql`rec.body`, names));
  const counts = doc.terms.map(
    (t, k) =>
      sql`sum(case when ${underTerm(doc, rules[k]!, k, t.obliged)} then 1 else 0 end) as ${sql.ref(`n${k}`)}`,
  );
  const { rows } = await sql<Row>`
    with scan as materialized (
      select r.accused as party, r.terms as terms,
        ${jsonText(d, sql`rec.body`, ['type'])} as type,
        ${jsonText(d, sql`rec.body`, ['location', 'country'])} as country
        ${groups.length ? sql`, ${sql.join(groups)}` : sql``}
      from wf_reports r
      join wf_records rec on rec.mission = r.mission and rec.id = r.id
      left join wf_incidents i on i.mission = r.mission and i.id = r.incident
      where r.mission = ${mission}
        and r.accused in (${list(allObliged(doc))})
        and rec.visibility = 'public' and rec.superseded_by is null
        and (rec.sealed_by is null or rec.reveal_idx is not null)
        and (i.status is null or i.status not in ('released', 'closed')))
    select party, ${sql.join(counts)} from scan group by party`.execute(db);
  return rows;
}

/**
 * Crossings whose latest official status on or before `asOf` is one the rule lists. Only the
 * crossing authorities' entries count (core/workflow/crossing-authority.ts): a party's report of a
 * crossing is its claim and neither sets the status nor hides the official one.
 */
async function crossingBreaches(
  db: Db,
  mission: string,
  doc: MissionDoc,
  rule: TermRule,
  asOf: string,
): Promise<CrossingBreach[]> {
  const official = crossingAuthorityOrgs(doc);
  if (rule.crossingStatuses.length === 0 || official.length === 0) return [];
  const { rows } = await sql<{ crossing: string; status: string; since: string }>`
    select c.crossing, c.status, c.effective_at as since
    from wf_crossings c
    where c.mission = ${mission} and c.effective_at <= ${asOf} and c.org in (${list(official)})
      and not exists (
        select 1 from wf_crossings n
        where n.mission = c.mission and n.crossing = c.crossing and n.effective_at <= ${asOf}
          and n.org in (${list(official)})
          and (n.effective_at > c.effective_at or (n.effective_at = c.effective_at and n.idx > c.idx)))
      and c.status in (${list(rule.crossingStatuses)})
    order by c.crossing`.execute(db);
  return rows;
}

export async function complianceAggregates(
  db: Db,
  dialect: Dialect,
  mission: string,
  doc: MissionDoc,
  asOf: string,
): Promise<ComplianceAggregates> {
  const rules = doc.terms.map(termRule);
  const findings = await findingsByParty(db, dialect, mission, doc, rules);
  const allegations = await allegationsByParty(db, dialect, mission, doc, rules);
  const terms: ComplianceAggregates['terms'] = new Map();
  for (const [k, t] of doc.terms.entries()) {
    const parties = new Map(t.obliged.map((p) => [p, emptyAggregate(p)]));
    for (const r of findings) {
      const p = parties.get(r.party);
      if (!p) continue;
      p.violations = Number(r[`v${k}`] ?? 0);
      p.probable = Number(r[`p${k}`] ?? 0);
      p.lastViolation = (r[`l${k}`] as string | null) ?? null;
      p.lastMajorViolation = (r[`m${k}`] as string | null) ?? null;
    }
    for (const r of allegations) {
      const p = parties.get(r.party);
      if (p) p.openAllegations = Number(r[`n${k}`] ?? 0);
    }
    terms.set(t.id, {
      parties,
      crossings: await crossingBreaches(db, mission, doc, rules[k]!, asOf),
    });
  }
  const major = doc.workflow.majorIncidentFatalities;
  // Released incidents only: compliance is public, and an unreleased incident's figures come from
  // records the public may not read yet (nothing derived from them reaches the public).
  const overall = await sql<{ last: string | null }>`
    select max(date) as last from wf_incidents
    where mission = ${mission} and fatalities >= ${sql.lit(major)} and status = 'released'`.execute(
    db,
  );
  const byParty = await sql<{ party: string; last: string }>`
    select attribution as party, max(date) as last from wf_incidents
    where mission = ${mission} and fatalities >= ${sql.lit(major)} and status = 'released'
      and verdict in ('confirmed', 'probable') and attribution is not null
    group by attribution`.execute(db);
  return {
    terms,
    lastMajorIncident: overall.rows[0]?.last ?? null,
    lastMajorByParty: new Map(byParty.rows.map((r) => [r.party, r.last])),
  };
}
