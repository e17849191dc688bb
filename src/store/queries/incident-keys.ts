// What the incident list's queries share with the read model that writes the rows they read
// (workflow-store.ts): who may see an incident, the " AF ~PK !QA " organisation column, the SQLite
// list key, the cursor. Pure; no database.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Viewer } from '../workflow-store.js';

/** Analysts, mediators and administrators read everything in the mission. */
export function seesEverything(v: Viewer): boolean {
  return v.role === 'analyst' || v.role === 'mediator' || v.role === 'admin';
}

export function encodeCursor(date: string, idx: number): string {
  return Buffer.from(`${date}|${idx}`, 'utf8').toString('base64url');
}
export function decodeCursor(cursor: string): { date: string; idx: number } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d{1,15})$/.exec(text);
  return m ? { date: m[1]!, idx: Number(m[2]) } : undefined;
}

/**
 * SQLite list keys (FTS5 rowid, R*Tree id): dayNumber·2^37 + missionNumber·2^27 + log index, so
 * key order is list order within a mission (migration 0005 explains the limits).
 */
export const KEY_IDX = 2 ** 27;
export const KEY_MISSION = 2 ** 10;
export function listKey(missionNo: number, date: string, idx: number): number {
  const day = Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
  return day * KEY_IDX * KEY_MISSION + missionNo * KEY_IDX + idx;
}

/**
 * SQLite: the R*Tree rows of one mission, by the mission number inside the list key. Its `mission`
 * auxiliary column is not used to filter: reading it costs a lookup in the R*Tree's rowid table
 * per point (100 ms of 105 for a 1°×1° box at a million incidents).
 */
export function ofMission(no: number): RawBuilder<SqlBool> {
  return sql<SqlBool>`(g.id / ${KEY_IDX}) % ${KEY_MISSION} = ${no}`;
}

// The " AF PK " column of an incident (wf_incidents.orgs) holds, as space-separated tokens:
//   "AF"  AF is involved by a record everyone who sees the incident may read (public-derived);
//   "~PK" PK holds a confidential record in it (so PK, who may read that record, sees the incident);
//   "!AF" AF is involved only by confidential records (for readers of everything: the party filter).
// Nothing derived from a confidential record is shown to a reader who may not read it (issue 9,
// finding 4): parties and fatalities shown are public-derived unless the reader may read more.
export const SIDE_MARK = '~';
export const HIDDEN_MARK = '!';

export function splitOrgs(orgs: string): string[] {
  return orgs.split(' ').filter((o) => o !== '');
}
/** The organisations every viewer of the incident may know are involved. */
export function publicOrgs(orgs: string): string[] {
  return splitOrgs(orgs).filter((o) => !o.startsWith(SIDE_MARK) && !o.startsWith(HIDDEN_MARK));
}
/** Whether the incident holds confidential contributions (its derived fields may differ by reader). */
export function hasConfidential(orgs: string): boolean {
  return orgs.includes(` ${SIDE_MARK}`) || orgs.includes(` ${HIDDEN_MARK}`);
}

/** What a viewer may see of the incident list, as a predicate on `i` (wf_incidents). */
export function visibleSql(viewer: Viewer): RawBuilder<SqlBool> {
  if (seesEverything(viewer)) return sql<SqlBool>`1 = 1`;
  if (viewer.role === 'party')
    return sql<SqlBool>`(i.status = 'released' or i.orgs like ${`% ${viewer.org} %`} or i.orgs like ${`% ${SIDE_MARK}${viewer.org} %`})`;
  if (viewer.role === 'monitor')
    return sql<SqlBool>`(i.status = 'released' or exists (select 1 from wf_tasks vt where vt.mission = i.mission and vt.incident = i.id and vt.assignee = ${viewer.user}))`;
  return sql<SqlBool>`i.status = 'released'`;
}

/** FTS5 query text from user words: each word quoted, all required (no FTS syntax gets through). */
export function ftsQuery(q: string): string | undefined {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 16) ?? [];
  return words.length ? words.map((w) => `"${w}"`).join(' ') : undefined;
}
