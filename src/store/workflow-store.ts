// The workflow read model: projections of a mission's log (incidents, reports and responses, tasks,
// findings and endorsements, crossings, commitments) kept in wf_* tables over the store's Kysely
// instance, and its queries. The facts the rules read are loaded by ./rule-facts.ts, the private
// store of confidential records is ./confidential-records.ts, each kind's projection ./projection/.
//
// Derivation: `catchUp` applies integrated log entries in index order, in transactions that also move
// wf_state.applied (so a crash or a second process never applies an entry twice). Each entry goes
// through the same `decide` the server ran before appending; an entry that raced past that first
// check is kept as a refused record and changes nothing. The only input besides the log is
// wf_confidential (the confidential records the log commits to); `rebuild` drops every derived row
// and re-applies the log, and must give the very same tables (tested in the conformance suite).
import { sql, type Kysely, type Transaction } from 'kysely';
import { parseEntry, type Envelope, type EnvelopeOf } from '../core/envelope.js';
import { bodyAs, type BodyOf } from '../core/records/kinds.js';
import type { MissionDoc, Role } from '../core/records/mission.js';
import type { IncidentStatus } from '../core/records/workflow.js';
import { decide, type Channel, type Decision, type Facts } from '../core/workflow/rules.js';
import { assembleCompliance, type Compliance } from '../core/workflow/compliance.js';
import { crossingAuthorityOrgs } from '../core/workflow/crossing-authority.js';
import { complianceAggregates } from './compliance-queries.js';
import {
  decodeCursor,
  encodeCursor,
  hasConfidential,
  KEY_MISSION,
  listKey,
  publicOrgs,
  seesEverything,
  SIDE_MARK,
  HIDDEN_MARK,
  splitOrgs,
  visibleSql,
} from './queries/incident-keys.js';
import {
  incidentListQuery,
  type IncidentListQuery,
  type IncidentRowData,
} from './queries/incident-list.js';
import { applyKeyEntry, keyFacts } from './admission-keys.js';
import { applySealing } from './sealed-projection.js';
import { ConfidentialRecords } from './confidential-records.js';
import { ruleFacts } from './rule-facts.js';
import { PROJECTIONS } from './projection/index.js';
import { AuthorFacts } from './projection/author-facts.js';
import { LeafHandoff } from './projection/handoff.js';
import { appendOnly } from './projection/append-only.js';
import { InsertBatch, insertProjected } from './projection/insert-batch.js';
import type { KindProjection, ProjectionOps } from './projection/context.js';
import type { EntryKind } from '../core/records/kinds.js';
import type { FilingFacts } from '../core/sealing/disclosure.js';
import type { Disclosure } from '../core/sealing/disclosure-schema.js';
import { utf8Encode } from '../tlog/bytes.js';
import type { Database } from './schema.js';
import type { Store, StoredEntry } from './store.js';
import { DERIVED_TABLES, type WorkflowTables } from './workflow-schema.js';

type WDb = Database & WorkflowTables;

/** Who reads: the anonymous public, or an authenticated user. */
/** A sealed record's place in the log (RecordView.sealed), or nothing for a plain leaf. */
function sealedView(x: {
  idx: number;
  sealed_by: string | null;
  reveal_idx: number | null;
}): Pick<RecordView, 'sealed'> {
  if (x.sealed_by === null) return {};
  const revealIndex = x.reveal_idx === null ? null : Number(x.reveal_idx);
  return { sealed: { commitment: x.sealed_by, commitmentIndex: Number(x.idx), revealIndex } };
}

/** What decides whether an entry is public at filing or sealed (WorkflowStore.judge). */
export interface Filing extends FilingFacts {
  disclosure: Disclosure | undefined;
  /** The author's organisation: the side a sealing commitment names. */
  side?: string | undefined;
}

export type Viewer = { role: 'public' } | { role: Role; org: string; user: string };

export const PUBLIC_VIEWER: Viewer = { role: 'public' };

export { seesEverything };

export interface IncidentQuery {
  from?: string | undefined;
  to?: string | undefined;
  type?: string[] | undefined;
  /** Organisations involved (any of them). */
  party?: string[] | undefined;
  status?: string[] | undefined;
  /** Verdicts (any of them); "none": no verdict the viewer may see. */
  verdict?: string[] | undefined;
  /** [minLon, minLat, maxLon, maxLat]; minLon > maxLon crosses the antimeridian. */
  bbox?: [number, number, number, number] | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** One incident in a list (also the row of the CSV, GeoJSON and HXL exports). */
export type {
  AllegationView,
  CrossingStatusView,
  CrossingView,
  DeadlineStatus,
  IncidentDetail,
  IncidentRow,
  RecordView,
} from '../core/views/read-model.js';
import type {
  AllegationView,
  CrossingStatusView,
  CrossingView,
  DeadlineStatus,
  IncidentDetail,
  IncidentRow,
  RecordView,
} from '../core/views/read-model.js';

/** A response deadline judged by log time (see AllegationView). */
function deadlineStatus(
  dueMs: number | null,
  responded: boolean,
  responseLoggedAt: string | null,
  now: Date,
): DeadlineStatus {
  if (dueMs === null) return 'pending';
  if (responded) {
    if (responseLoggedAt === null) return 'pending';
    return Date.parse(responseLoggedAt) <= dueMs ? 'answered' : 'answered_late';
  }
  return now.getTime() > dueMs ? 'missed' : 'pending';
}

const CHUNK = 256;
const MAX_SEARCH = 20000;

const json = <T>(text: string): T => JSON.parse(text) as T;

export { decodeCursor, encodeCursor, listKey };

function joinOrgs(orgs: string[]): string {
  return ` ${[...orgs].sort().join(' ')} `;
}

interface Meta {
  idx: number;
  receivedAt: string;
  visibility: string;
  commitment: string | null;
  /** Sealed at filing: the log-signed commitment at `idx` that holds the record's place. */
  sealedBy?: string;
}

export class WorkflowStore {
  readonly db: Kysely<WDb>;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly docs = new Map<string, MissionDoc>();
  /** Parsed leaves the submission pipeline hands over, so the projection does not parse them again. */
  readonly handoff = new LeafHandoff();
  /** The wf_authors rows the rules read, kept in memory (one query per author, not per entry). */
  private readonly authors = new AuthorFacts();
  /** How much of the log this process has seen the read model apply (a lower bound: it only grows). */
  private readonly appliedSeen = new Map<string, number>();

  /** The read model's operations the per-kind projections share (./projection/). */
  private readonly ops: ProjectionOps = {
    linkReports: (tx, mission, incident, reports) =>
      this.linkReports(tx, mission, incident, reports),
    addOrgs: (tx, mission, incident, add) => this.addOrgs(tx, mission, incident, add),
    missionNo: (mission) => this.missionNo(mission),
    listKey,
    applyCorrection: (tx, mission, env) => this.applyCorrection(tx, mission, env),
  };

  /** The private halves of confidential records (./confidential-records.ts). */
  readonly confidential: ConfidentialRecords;

  /** The incident list's query for this store's dialect (./queries/incident-list.ts), chosen once. */
  private readonly listQuery: IncidentListQuery;

  constructor(readonly store: Store) {
    this.db = store.db.withTables<WorkflowTables>();
    this.confidential = new ConfidentialRecords(this.db, store);
    this.listQuery = incidentListQuery(store.dialect, {
      db: this.db,
      missionNo: (mission) => this.missionNo(mission),
    });
  }

  private readonly numbers = new Map<string, number>();

  /** The mission's number in SQLite list keys (setting wf.no, assigned once, never reused). */
  async missionNo(mission: string): Promise<number> {
    const cached = this.numbers.get(mission);
    if (cached !== undefined) return cached;
    let text = await this.store.getSetting(mission, 'wf.no');
    if (text === undefined) {
      const taken = await this.db
        .selectFrom('settings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('name', '=', 'wf.no')
        .executeTakeFirst();
      text = String(Number(taken?.n ?? 0));
      await this.store.putSetting(mission, 'wf.no', text);
    }
    const no = Number(text);
    if (!(no >= 0 && no < KEY_MISSION))
      throw new Error(`couldn't number mission ${mission}: ${KEY_MISSION} missions at most`);
    this.numbers.set(mission, no);
    return no;
  }

  private async doc(mission: string): Promise<MissionDoc> {
    const cached = this.docs.get(mission);
    if (cached) return cached;
    const m = await this.store.getMission(mission);
    if (!m) throw new Error(`couldn't read mission ${mission}: no such mission`);
    this.docs.set(mission, m.doc);
    return m.doc;
  }

  // Rules: the check the server runs before appending.

  /** Decides on an entry about to be appended (or filed confidentially) against the current read model. */
  async check(
    mission: string,
    env: Envelope,
    options: { channel: Channel; caller?: string; now?: string },
  ): Promise<Decision> {
    return (await this.judge(mission, env, options)).decision;
  }

  /**
   * The decision on an entry about to be appended, and what decides whether it is public at filing
   * or sealed (src/core/sealing/disclosure.ts): the mission's disclosure rules, its author's role
   * and side, and for a correction whether the record it supersedes is public.
   */
  async judge(
    mission: string,
    env: Envelope,
    options: { channel: Channel; caller?: string; now?: string },
  ): Promise<{ decision: Decision; filing: Filing }> {
    const doc = await this.doc(mission);
    let facts = await ruleFacts(this.db, mission, doc, env, options.channel, this.authors);
    if (!facts.author) {
      await this.catchUp(mission);
      facts = await ruleFacts(this.db, mission, doc, env, options.channel, this.authors);
    }
    if (options.caller !== undefined) facts.caller = { user: options.caller };
    facts.now = options.now;
    if (env.kind === 'key') Object.assign(facts, await keyFacts(this.db, mission, doc, env));
    const decision = decide(facts, env);
    let targetPublic: boolean | undefined;
    if (env.kind === 'correction') {
      const target = await this.db
        .selectFrom('wf_records')
        .select(['visibility', 'refused', 'sealed_by', 'reveal_idx'])
        .where('mission', '=', mission)
        .where('id', '=', env.body.supersedes.id)
        .executeTakeFirst();
      targetPublic =
        target !== undefined &&
        target.refused === null &&
        target.visibility === 'public' &&
        (target.sealed_by === null || target.reveal_idx !== null);
    }
    return {
      decision,
      filing: {
        disclosure: doc.disclosure,
        kind: env.kind,
        role: facts.author?.role,
        side: facts.author?.org,
        targetPublic,
      },
    };
  }

  // Projection.

  /** Applies every integrated log entry not yet applied. Calls for one mission run one at a time. */
  catchUp(mission: string): Promise<void> {
    const prev = this.chains.get(mission) ?? Promise.resolve();
    const next = prev.then(() => this.catchUpNow(mission));
    const settled = next.catch(() => {});
    this.chains.set(mission, settled);
    void settled.then(() => {
      if (this.chains.get(mission) === settled) this.chains.delete(mission);
    });
    return next;
  }

  async applied(mission: string): Promise<number> {
    const row = await this.db
      .selectFrom('wf_state')
      .select('applied')
      .where('mission', '=', mission)
      .executeTakeFirst();
    const applied = row?.applied ?? 0;
    this.sawApplied(mission, applied);
    return applied;
  }

  /**
   * Log entries the read model has applied, as far as this process knows without a query: never
   * more than wf_state.applied (another process may have moved it further).
   */
  appliedAtLeast(mission: string): number {
    return this.appliedSeen.get(mission) ?? 0;
  }

  private sawApplied(mission: string, applied: number): void {
    if (applied > (this.appliedSeen.get(mission) ?? 0)) this.appliedSeen.set(mission, applied);
  }

  private async catchUpNow(mission: string): Promise<void> {
    const doc = await this.doc(mission);
    // Resolved outside the transactions below (SQLite has one connection).
    await this.missionNo(mission);
    await this.db
      .insertInto('wf_state')
      .values({ mission, applied: 0 })
      .onConflict((oc) => oc.column('mission').doNothing())
      .execute();
    for (;;) {
      const applied = await this.applied(mission);
      const size = await this.store.logSize(mission);
      if (size <= applied) return;
      const rows = await this.store.listEntries(mission, applied, Math.min(CHUNK, size - applied));
      if (rows.length === 0) return;
      const project = () =>
        this.db.transaction().execute(async (tx) => {
          const r = await tx
            .updateTable('wf_state')
            .set({ applied: applied + rows.length })
            .where('mission', '=', mission)
            .where('applied', '=', applied)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) return false; // another process applied them
          // Reports' rows go out in multi-row inserts (projection/insert-batch.ts).
          const batch = InsertBatch.open(tx);
          for (const row of rows) await this.applyEntry(tx, mission, doc, row);
          await batch.close();
          return true;
        });
      // Authors change only by key and mission entries: the remembered rows stay right otherwise.
      const moved = rows.some((r) => r.kind === 'key' || r.kind === 'mission')
        ? await this.authors.changing(mission, project)
        : await project();
      if (moved) this.sawApplied(mission, applied + rows.length);
      else this.authors.forget(mission); // another process applied them, keys and all
    }
  }

  /** Drops every derived row of the mission and re-applies its log. */
  async rebuild(mission: string): Promise<void> {
    this.authors.forget(mission);
    this.appliedSeen.delete(mission);
    await this.db.transaction().execute(async (tx) => {
      for (const t of DERIVED_TABLES)
        await tx.deleteFrom(t).where('mission', '=', mission).execute();
      if (this.store.dialect === 'sqlite') {
        await tx.deleteFrom('wf_incidents_fts').where('mission', '=', mission).execute();
        await sql`delete from wf_incidents_geo where mission = ${mission}`.execute(tx);
      }
    });
    await this.catchUp(mission);
  }

  /** Every derived row of the mission, in key order (for tests that rebuild and compare). */
  async snapshot(mission: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const t of DERIVED_TABLES) {
      const rows = await sql<
        Record<string, unknown>
      >`select * from ${sql.table(t)} where mission = ${mission}`.execute(this.db);
      out[t] = rows.rows
        .map((r) => {
          const { search_tsv: _drop, search_short: _short, ...rest } = r;
          return rest;
        })
        .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    }
    return out;
  }

  private async applyEntry(
    tx: Transaction<WDb>,
    mission: string,
    doc: MissionDoc,
    row: StoredEntry,
  ) {
    // Parsed once: as the submission pipeline handed it over, when it appended these very bytes.
    const handed = this.handoff.claim(row.id, row.bytes);
    let env: Envelope;
    if (handed) env = handed.envelope;
    else
      try {
        env = parseEntry(row.bytes);
      } catch {
        return; // admission let it in under older rules; nothing to project
      }
    await InsertBatch.of(tx)?.beginEntry(appendOnly(env, handed?.sealed));
    const meta: Meta = {
      idx: row.idx,
      receivedAt: row.received_at,
      visibility: 'public',
      commitment: null,
    };
    if (env.kind === 'key') {
      // The key rule (src/core/keys/registry.ts) over the log's earlier key entries.
      const refused = await applyKeyEntry(tx, mission, doc, env, row.idx);
      await this.insertRecord(tx, mission, env, meta, null, null, refused);
      return;
    }
    if (env.kind === 'mission') {
      await this.insertRecord(tx, mission, env, meta, null, null, null);
      return;
    }
    if (
      await applySealing(
        tx,
        mission,
        env,
        row,
        (inner, m) => this.applyInner(tx, mission, doc, inner, m, 'replay'),
        meta,
        handed?.sealed,
      )
    )
      return;
    const facts = await ruleFacts(tx, mission, doc, env, 'replay', this.authors);
    const d = decide(facts, env);
    await this.applyDecided(tx, mission, doc, env, d, facts, meta);
    if (!d.ok) return;
    if (env.kind === 'commitment') {
      const priv = await tx
        .selectFrom('wf_confidential')
        .select(['entry'])
        .where('mission', '=', mission)
        .where('commitment', '=', env.id)
        .executeTakeFirst();
      if (priv) {
        const b = env.body;
        await this.applyInner(tx, mission, doc, priv.entry, {
          ...meta,
          visibility: `side:${b.side}`,
          commitment: env.id,
        });
      }
    } else if (env.kind === 'reveal') {
      const b = env.body;
      await tx
        .updateTable('wf_commitments')
        .set({ revealed_idx: row.idx })
        .where('mission', '=', mission)
        .where('id', '=', b.commitment)
        .execute();
      let innerId: string | undefined;
      try {
        innerId = parseEntry(utf8Encode(b.entry)).id;
      } catch {
        return;
      }
      const existing = await tx
        .selectFrom('wf_records')
        .select('id')
        .where('mission', '=', mission)
        .where('id', '=', innerId)
        .executeTakeFirst();
      if (existing) {
        await tx
          .updateTable('wf_records')
          .set({ visibility: 'public' })
          .where('mission', '=', mission)
          .where('id', '=', innerId)
          .execute();
        // A revealed report now feeds its incident's shown fields like any public one.
        const linked = await tx
          .selectFrom('wf_reports')
          .select('incident')
          .where('mission', '=', mission)
          .where('id', '=', innerId)
          .executeTakeFirst();
        if (linked?.incident) await this.linkReports(tx, mission, linked.incident, [innerId]);
      } else
        await this.applyInner(tx, mission, doc, b.entry, {
          ...meta,
          commitment: b.commitment,
        });
    }
  }

  /** Projects a confidential record under its commitment's index. */
  private async applyInner(
    tx: Transaction<WDb>,
    mission: string,
    doc: MissionDoc,
    /** The entry's text, or the entry as the submission pipeline already parsed it. */
    entry: string | Envelope,
    meta: Meta,
    /** 'replay' for a sealed entry (judged on arrival like any public one), else confidential. */
    channel: 'confidential' | 'replay' = 'confidential',
  ) {
    let inner: Envelope;
    if (typeof entry !== 'string') inner = entry;
    else
      try {
        inner = parseEntry(utf8Encode(entry));
      } catch {
        return;
      }
    const facts = await ruleFacts(tx, mission, doc, inner, channel, this.authors);
    await this.applyDecided(tx, mission, doc, inner, decide(facts, inner), facts, meta);
  }

  private async insertRecord(
    tx: Transaction<WDb>,
    mission: string,
    env: Envelope,
    meta: Meta,
    facts: Facts | null,
    incident: string | null,
    refused: string | null,
  ) {
    await insertProjected(
      tx,
      'wf_records',
      {
        mission,
        id: env.id,
        idx: meta.idx,
        kind: env.kind,
        author: env.author,
        org: facts?.author?.org ?? null,
        role: facts?.author?.role ?? null,
        at: env.at,
        incident,
        visibility: meta.visibility,
        commitment: meta.commitment,
        sealed_by: meta.sealedBy ?? null,
        refused,
        superseded_by: null,
        body: JSON.stringify(env.body),
      },
      ['mission', 'id'],
    );
  }

  private async applyDecided(
    tx: Transaction<WDb>,
    mission: string,
    doc: MissionDoc,
    env: Envelope,
    d: Decision,
    facts: Facts,
    meta: Meta,
  ) {
    const b = env.body as Record<string, unknown>;
    let incident: string | null = null;
    switch (env.kind) {
      case 'incident':
        incident = b.action === 'open' ? env.id : (b.incident as string);
        break;
      case 'response':
      case 'finding':
      case 'release':
        incident = b.incident as string;
        break;
      case 'task':
        incident =
          b.action === 'assign'
            ? (b.incident as string)
            : (facts.tasks.get(b.task as string)?.incident ?? null);
        break;
      case 'endorsement':
        incident = facts.findings.get(b.finding as string)?.incident ?? null;
        break;
      case 'correction': {
        const target = (b.supersedes as { id: string }).id;
        const r = await tx
          .selectFrom('wf_records')
          .select('incident')
          .where('mission', '=', mission)
          .where('id', '=', target)
          .executeTakeFirst();
        incident = r?.incident ?? null;
        break;
      }
      default:
        break;
    }
    if (!d.ok) {
      await this.insertRecord(tx, mission, env, meta, facts, incident, d.rule);
      return;
    }
    await this.insertRecord(tx, mission, env, meta, facts, incident, null);
    await (PROJECTIONS[env.kind] as KindProjection<EntryKind>).apply?.({
      tx,
      mission,
      env: env as never,
      body: env.body as never,
      facts,
      meta,
      org: facts.author!.org,
      incident,
      dialect: this.store.dialect,
      ops: this.ops,
    });
    if (d.withdrawn)
      await tx
        .updateTable('wf_findings')
        .set({ status: 'superseded' })
        .where('mission', '=', mission)
        .where('id', '=', d.withdrawn)
        .execute();
    if (d.finding)
      await tx
        .updateTable('wf_findings')
        .set({ status: d.finding.to })
        .where('mission', '=', mission)
        .where('id', '=', d.finding.id)
        .execute();
    if (d.incident && !(env.kind === 'incident' && b.action === 'open')) {
      const set: { status: string; finding?: null; verdict?: null; attribution?: null } = {
        status: d.incident.to,
      };
      if (d.withdrawn) Object.assign(set, { finding: null, verdict: null, attribution: null });
      await tx
        .updateTable('wf_incidents')
        .set(set)
        .where('mission', '=', mission)
        .where('id', '=', d.incident.id)
        .execute();
    }
    void doc;
  }

  private async applyCorrection(
    tx: Transaction<WDb>,
    mission: string,
    env: EnvelopeOf<'correction'>,
  ) {
    const cb = env.body;
    const target = cb.supersedes.id;
    await tx
      .updateTable('wf_records')
      .set({ superseded_by: env.id })
      .where('mission', '=', mission)
      .where('id', '=', target)
      .execute();
    const kind = (
      await tx
        .selectFrom('wf_records')
        .select('kind')
        .where('mission', '=', mission)
        .where('id', '=', target)
        .executeTakeFirst()
    )?.kind;
    if (kind === 'penalty') {
      // Decided (kinds/correction.ts): a proposal still awaiting endorsement, withdrawn.
      await tx
        .updateTable('wf_penalties')
        .set({ status: 'withdrawn' })
        .where('mission', '=', mission)
        .where('id', '=', target)
        .where('status', '=', 'proposed')
        .execute();
      return;
    }
    if (!cb.replacement) return;
    if (kind === 'finding') {
      // Decided (correction_replacement): the replacement passed its target's schema.
      const fb = bodyAs('finding', cb.replacement);
      if (!fb) return;
      await tx
        .updateTable('wf_findings')
        .set({
          verdict: fb.verdict,
          attribution: fb.attribution,
          terms: JSON.stringify(fb.termsViolated ?? []),
        })
        .where('mission', '=', mission)
        .where('id', '=', target)
        .execute();
      await tx
        .updateTable('wf_incidents')
        .set({ verdict: fb.verdict, attribution: fb.attribution })
        .where('mission', '=', mission)
        .where('finding', '=', target)
        .execute();
    } else if (kind === 'crossing') {
      const cr = bodyAs('crossing', cb.replacement);
      if (!cr) return;
      await tx
        .updateTable('wf_crossings')
        .set({ status: cr.status, effective_at: cr.effectiveAt, body: JSON.stringify(cr) })
        .where('mission', '=', mission)
        .where('id', '=', target)
        .execute();
    }
  }

  /** Adds organisations to an incident's " AF PK " column. */
  private async addOrgs(tx: Transaction<WDb>, mission: string, incident: string, add: string[]) {
    const row = await tx
      .selectFrom('wf_incidents')
      .select('orgs')
      .where('mission', '=', mission)
      .where('id', '=', incident)
      .executeTakeFirst();
    if (!row) return;
    const set = new Set([...splitOrgs(row.orgs), ...add]);
    await tx
      .updateTable('wf_incidents')
      .set({ orgs: joinOrgs([...set]) })
      .where('mission', '=', mission)
      .where('id', '=', incident)
      .execute();
  }

  /** Groups reports into an incident: links, involved organisations, fatalities, search text. */
  private async linkReports(
    tx: Transaction<WDb>,
    mission: string,
    incident: string,
    reports: string[],
  ) {
    await tx
      .updateTable('wf_reports')
      .set({ incident })
      .where('mission', '=', mission)
      .where('id', 'in', reports)
      .execute();
    await tx
      .updateTable('wf_records')
      .set({ incident })
      .where('mission', '=', mission)
      .where('id', 'in', reports)
      .execute();
    const rows = await tx
      .selectFrom('wf_records as r')
      .innerJoin('wf_reports as p', (j) =>
        j.onRef('p.mission', '=', 'r.mission').onRef('p.id', '=', 'r.id'),
      )
      .select(['r.body', 'r.visibility', 'p.org', 'p.accused'])
      .where('r.mission', '=', mission)
      .where('r.id', 'in', reports)
      .execute();
    const inc = await tx
      .selectFrom('wf_incidents')
      .select(['search', 'fatalities', 'date', 'idx'])
      .where('mission', '=', mission)
      .where('id', '=', incident)
      .executeTakeFirstOrThrow();
    let search = inc.search;
    let fatalities = inc.fatalities;
    const involved: string[] = [];
    for (const r of rows) {
      const body = json<BodyOf<'report'>>(r.body);
      if (r.visibility !== 'public') {
        // A confidential report feeds no shown field: only its side learns the incident exists,
        // and readers of everything find it by party (see SIDE_MARK in ./queries/incident-keys.ts).
        const side = /^side:(.+)$/.exec(r.visibility)?.[1];
        if (side) involved.push(`${SIDE_MARK}${side}`);
        involved.push(`${HIDDEN_MARK}${r.org}`);
        if (r.accused) involved.push(`${HIDDEN_MARK}${r.accused}`);
        continue;
      }
      involved.push(r.org);
      if (r.accused) involved.push(r.accused);
      search += `\n${body.title}\n${body.description}`;
      if (body.fatalities) fatalities = Math.max(fatalities ?? 0, body.fatalities.count);
    }
    await this.addOrgs(tx, mission, incident, involved);
    search = search.slice(0, MAX_SEARCH);
    await tx
      .updateTable('wf_incidents')
      .set({ search, fatalities })
      .where('mission', '=', mission)
      .where('id', '=', incident)
      .execute();
    if (this.store.dialect === 'sqlite') {
      const rowid = listKey(await this.missionNo(mission), inc.date, inc.idx);
      await tx.deleteFrom('wf_incidents_fts').where('rowid', '=', rowid).execute();
      await tx
        .insertInto('wf_incidents_fts')
        .values({ rowid, mission, id: incident, search } as never)
        .execute();
    }
  }

  // Reads.

  /**
   * The incidents a viewer may see, filtered, newest first (date, then log index), in pages; the
   * query is the dialect's (./queries/), the rows the viewer's.
   */
  async listIncidents(
    mission: string,
    query: IncidentQuery,
    viewer: Viewer,
  ): Promise<{ items: IncidentRow[]; next: string | null }> {
    const rows = await this.listQuery(mission, query, viewer);
    const page = rows.slice(0, query.limit).map((r) => ({ ...r, idx: Number(r.idx) }));
    const items = await this.withReadableConfidential(
      mission,
      page,
      page.map((r) => this.toRow(r, viewer)),
      viewer,
    );
    const last = page[page.length - 1];
    return {
      items,
      next: rows.length > query.limit && last ? encodeCursor(last.date, last.idx) : null,
    };
  }

  private toRow(r: IncidentRowData, viewer: Viewer): IncidentRow {
    const parties = publicOrgs(r.orgs);
    const showVerdict = r.status === 'released' || seesEverything(viewer);
    return {
      id: r.id,
      index: r.idx,
      title: r.title,
      type: r.type,
      status: r.status as IncidentStatus,
      date: r.date,
      timePrecision: r.time_precision,
      location: json(r.location),
      fatalities: r.fatalities,
      parties,
      verdict: showVerdict ? r.verdict : null,
      attribution: showVerdict ? r.attribution : null,
      releasedIndex: r.released_idx,
    };
  }

  /**
   * Rows of incidents with confidential reports, for a reader who may read some of them (their
   * side, analysts, mediators, administrators): parties and fatalities from the public reports and
   * the confidential ones this reader may read. Everyone else keeps the public-derived row.
   */
  private async withReadableConfidential(
    mission: string,
    raw: IncidentRowData[],
    rows: IncidentRow[],
    viewer: Viewer,
  ): Promise<IncidentRow[]> {
    if (viewer.role === 'public') return rows;
    const mayRead = raw.filter(
      (r) =>
        hasConfidential(r.orgs) &&
        (seesEverything(viewer) || r.orgs.includes(` ${SIDE_MARK}${viewer.org} `)),
    );
    if (mayRead.length === 0) return rows;
    const reports = await this.db
      .selectFrom('wf_reports as p')
      .innerJoin('wf_records as r', (j) =>
        j.onRef('r.mission', '=', 'p.mission').onRef('r.id', '=', 'p.id'),
      )
      .select(['p.incident', 'p.org', 'p.accused', 'r.visibility', 'r.refused', 'r.body'])
      .where('p.mission', '=', mission)
      .where(
        'p.incident',
        'in',
        mayRead.map((r) => r.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const rep of reports) {
      const row = rep.incident === null ? undefined : byId.get(rep.incident);
      if (!row || rep.visibility === 'public') continue;
      if (!this.recordVisible(rep.visibility, rep.refused, viewer)) continue;
      const body = json<BodyOf<'report'>>(rep.body);
      const parties = new Set(row.parties);
      parties.add(rep.org);
      if (rep.accused) parties.add(rep.accused);
      const fatalities = body.fatalities
        ? Math.max(row.fatalities ?? 0, body.fatalities.count)
        : row.fatalities;
      byId.set(row.id, { ...row, parties: [...parties].sort(), fatalities });
    }
    return rows.map((r) => byId.get(r.id)!);
  }

  private recordVisible(visibility: string, refused: string | null, viewer: Viewer): boolean {
    if (seesEverything(viewer)) return true;
    if (refused !== null) return false;
    if (visibility === 'public') return true;
    return viewer.role !== 'public' && visibility === `side:${viewer.org}`;
  }

  /** One incident with every record the viewer may see, or undefined when it may see none. */
  async getIncident(
    mission: string,
    id: string,
    viewer: Viewer,
    now = new Date(),
  ): Promise<IncidentDetail | undefined> {
    const r = await this.db
      .selectFrom('wf_incidents as i')
      .selectAll('i')
      .where('i.mission', '=', mission)
      .where('i.id', '=', id)
      .where(visibleSql(viewer))
      .executeTakeFirst();
    if (!r) return undefined;
    const doc = await this.doc(mission);
    const recs = await this.db
      .selectFrom('wf_records')
      .selectAll()
      .where('mission', '=', mission)
      .where('incident', '=', id)
      .orderBy('idx')
      .orderBy('id')
      .execute();
    const visibleRecs = recs.filter((x) => this.recordVisible(x.visibility, x.refused, viewer));
    const visibleIds = new Set(visibleRecs.map((x) => x.id));
    const reports = await this.db
      .selectFrom('wf_reports')
      .selectAll()
      .where('mission', '=', mission)
      .where('incident', '=', id)
      .where('accused', 'is not', null)
      .execute();
    const hours = doc.workflow.responseDeadlineHours;
    const indexOf = new Map(visibleRecs.map((x) => [x.id, Number(x.idx)]));
    const logged = await this.store.loggedAt(mission, [...indexOf.values()]);
    const loggedAtOf = (id: string | null) => {
      const i = id === null ? undefined : indexOf.get(id);
      return i === undefined ? null : (logged.get(i) ?? null);
    };
    const allegations = reports
      .filter((a) => visibleIds.has(a.id))
      .map((a): AllegationView => {
        const responded = a.response !== null && visibleIds.has(a.response);
        const loggedAt = loggedAtOf(a.id);
        const responseLoggedAt = responded ? loggedAtOf(a.response) : null;
        const dueMs = loggedAt === null ? null : Date.parse(loggedAt) + hours * 3_600_000;
        return {
          id: a.id,
          by: a.org,
          accused: a.accused!,
          terms: json(a.terms),
          at: a.at,
          loggedAt,
          responseDue: dueMs === null ? null : new Date(dueMs).toISOString(),
          response: responded ? a.response : null,
          respondedAt: responded ? a.response_at : null,
          responseLoggedAt,
          deadline: deadlineStatus(dueMs, responded, responseLoggedAt, now),
        };
      });
    const all = seesEverything(viewer);
    const tasks = visibleRecs.some((x) => x.kind === 'task')
      ? await this.db
          .selectFrom('wf_tasks')
          .selectAll()
          .where('mission', '=', mission)
          .where('incident', '=', id)
          .execute()
      : [];
    const findings = await this.db
      .selectFrom('wf_findings')
      .selectAll()
      .where('mission', '=', mission)
      .where('incident', '=', id)
      .execute();
    const [row] = await this.withReadableConfidential(
      mission,
      [r],
      [this.toRow(r, viewer)],
      viewer,
    );
    return {
      ...row!,
      allegations,
      tasks: tasks.map((t) => ({
        id: t.id,
        assignee: t.assignee,
        kind: t.kind,
        open: t.open === 1,
        outcome: t.outcome,
        deniedBy: t.denied_by,
      })),
      findings: findings
        .filter((f) => all || f.status === 'released')
        .map((f) => ({
          id: f.id,
          status: f.status,
          verdict: f.verdict,
          attribution: f.attribution,
          termsViolated: json(f.terms),
          endorsers: json(f.endorsers),
        })),
      records: visibleRecs.map((x) => ({
        id: x.id,
        index: x.idx,
        kind: x.kind,
        author: x.author,
        org: x.org,
        role: x.role,
        at: x.at,
        loggedAt: loggedAtOf(x.id),
        body: json(x.body),
        commitment: x.commitment,
        confidential: x.visibility !== 'public',
        refused: x.refused,
        supersededBy: x.superseded_by,
        ...sealedView(x),
      })),
    };
  }

  /** A record by id if the viewer may see it (confidential ones: their side, analysts, mediators). */
  async getRecord(mission: string, id: string, viewer: Viewer): Promise<RecordView | undefined> {
    const x = await this.db
      .selectFrom('wf_records')
      .selectAll()
      .where('mission', '=', mission)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!x || !this.recordVisible(x.visibility, x.refused, viewer)) return undefined;
    if (!seesEverything(viewer) && !(await this.recordInView(mission, x, viewer))) return undefined;
    const logged = await this.store.loggedAt(mission, [Number(x.idx)]);
    return {
      id: x.id,
      index: x.idx,
      kind: x.kind,
      author: x.author,
      org: x.org,
      role: x.role,
      at: x.at,
      loggedAt: logged.get(Number(x.idx)) ?? null,
      body: json(x.body),
      commitment: x.commitment,
      confidential: x.visibility !== 'public',
      refused: x.refused,
      supersededBy: x.superseded_by,
      ...sealedView(x),
    };
  }

  /**
   * Beyond confidentiality, a record is shown where its incident is: the public sees records of
   * released incidents, a party also its own records and those of incidents involving its side, a
   * monitor those of incidents it is tasked on. Crossings, commitments and revealed records are
   * public.
   */
  private async recordInView(
    mission: string,
    x: WorkflowTables['wf_records'],
    viewer: Viewer,
  ): Promise<boolean> {
    if (viewer.role !== 'public' && x.org === viewer.org) return true;
    if (x.commitment !== null) return true;
    if (['crossing', 'commitment', 'reveal', 'mission', 'key'].includes(x.kind)) return true;
    if (x.incident === null) return false;
    const r = await sql<{ one: number }>`select 1 as one from wf_incidents i
      where i.mission = ${mission} and i.id = ${x.incident} and ${visibleSql(viewer)}`.execute(
      this.db,
    );
    return r.rows.length > 0;
  }

  /** Every commitment (public: who holds secrets is not secret), newest first. */
  async listCommitments(mission: string, limit = 500) {
    const rows = await this.db
      .selectFrom('wf_commitments')
      .selectAll()
      .where('mission', '=', mission)
      .orderBy('idx', 'desc')
      .limit(limit)
      .execute();
    return rows.map((c) => ({
      id: c.id,
      index: c.idx,
      digest: c.digest,
      side: c.side,
      revealedIndex: c.revealed_idx,
    }));
  }

  /**
   * Each crossing of the mission with its official status and history (newest first), and the
   * claims of other authors that `viewer` may read (core/workflow/crossing-authority.ts).
   */
  async crossings(
    mission: string,
    viewer: Viewer = PUBLIC_VIEWER,
    historyLimit = 200,
  ): Promise<CrossingView[]> {
    const doc = await this.doc(mission);
    const official = new Set(crossingAuthorityOrgs(doc));
    const mayReadClaim = (org: string) =>
      seesEverything(viewer) || (viewer.role !== 'public' && viewer.org === org);
    const rows = await this.db
      .selectFrom('wf_crossings')
      .selectAll()
      .where('mission', '=', mission)
      .orderBy('effective_at', 'desc')
      .orderBy('idx', 'desc')
      .execute();
    return doc.crossings.map((c) => {
      const view = (r: (typeof rows)[number]): CrossingStatusView => {
        const b = json<BodyOf<'crossing'>>(r.body);
        return {
          id: r.id,
          index: r.idx,
          status: r.status,
          effectiveAt: r.effective_at,
          org: r.org,
          cause: b.cause,
          ...(b.trucksPerDay !== undefined ? { trucksPerDay: b.trucksPerDay } : {}),
          ...(b.tradeLossUsdPerDay !== undefined
            ? { tradeLossUsdPerDay: b.tradeLossUsdPerDay }
            : {}),
          ...(b.peoplePerDay !== undefined ? { peoplePerDay: b.peoplePerDay } : {}),
        };
      };
      const mine = rows.filter((r) => r.crossing === c.id);
      const history = mine
        .filter((r) => official.has(r.org))
        .slice(0, historyLimit)
        .map(view);
      const claims = mine
        .filter((r) => !official.has(r.org) && mayReadClaim(r.org))
        .slice(0, historyLimit)
        .map(view);
      return {
        crossing: c.id,
        name: c.name,
        lat: c.lat,
        lon: c.lon,
        current: history[0] ?? null,
        history,
        claims,
      };
    });
  }

  /**
   * Compliance per term and party, each term judged by its own check rule; counted and dated in
   * SQL (compliance-queries.ts), from public facts only.
   */
  async compliance(mission: string, asOf = new Date().toISOString()): Promise<Compliance> {
    const doc = await this.doc(mission);
    const agg = await complianceAggregates(this.db, this.store.dialect, mission, doc, asOf);
    return assembleCompliance(doc, agg, asOf);
  }

  /** Incidents per day and type (and fatalities) over [from, to], as the viewer sees them. */
  async dailyStats(
    mission: string,
    range: { from?: string | undefined; to?: string | undefined },
    viewer: Viewer,
  ) {
    let to = range.to;
    if (!to) {
      const latest = await this.db
        .selectFrom('wf_incidents as i')
        .select((eb) => eb.fn.max('i.date').as('d'))
        .where('i.mission', '=', mission)
        .where(visibleSql(viewer))
        .executeTakeFirst();
      to = (latest?.d as string | null | undefined) ?? new Date().toISOString().slice(0, 10);
    }
    const from =
      range.from ??
      new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
    const rows = await this.db
      .selectFrom('wf_incidents as i')
      .select((eb) => [
        'i.date',
        'i.type',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>(eb.fn.coalesce('i.fatalities', eb.val(0))).as('fatalities'),
      ])
      .where('i.mission', '=', mission)
      .where(visibleSql(viewer))
      .where('i.date', '>=', from)
      .where('i.date', '<=', to)
      .groupBy(['i.date', 'i.type'])
      .orderBy('i.date')
      .orderBy('i.type')
      .execute();
    const days = new Map<
      string,
      { date: string; incidents: number; fatalities: number; byType: Record<string, number> }
    >();
    for (const r of rows) {
      const d = days.get(r.date) ?? { date: r.date, incidents: 0, fatalities: 0, byType: {} };
      d.incidents += Number(r.n);
      d.fatalities += Number(r.fatalities ?? 0);
      d.byType[r.type] = Number(r.n);
      days.set(r.date, d);
    }
    return { from, to, days: [...days.values()] };
  }

  /** A daily report (OSCE SMM style): the day's incidents, counts by type and party, crossings that day. */
  async dailyReport(mission: string, date: string, viewer: Viewer) {
    const { items } = await this.listIncidents(
      mission,
      { from: date, to: date, limit: 500 },
      viewer,
    );
    const byType: Record<string, number> = {};
    const byParty: Record<string, number> = {};
    let fatalities = 0;
    for (const i of items) {
      byType[i.type] = (byType[i.type] ?? 0) + 1;
      for (const p of i.parties) byParty[p] = (byParty[p] ?? 0) + 1;
      fatalities += i.fatalities ?? 0;
    }
    const end = `${date}T23:59:59.999Z`;
    const crossings = (await this.crossings(mission)).map((c) => {
      const asOf = c.history.find((h) => h.effectiveAt <= end) ?? null;
      return {
        crossing: c.crossing,
        name: c.name,
        status: asOf?.status ?? null,
        since: asOf?.effectiveAt ?? null,
        changedToday: c.history.filter((h) => h.effectiveAt.slice(0, 10) === date).length,
      };
    });
    return {
      date,
      incidents: items,
      totals: { incidents: items.length, fatalities, byType, byParty },
      crossings,
    };
  }
}
