// How `truceline import` files its rows: each row is two signed entries (its `report`, and the
// `incident` that opens on it), gathered into full JSON-lines batches (POST …/entries with content
// type application/jsonl, src/server/routes/entries-batch.ts) answered once durable and integrated
// (`?ack=integrated`: no wait for a checkpoint), several batches in flight.
//
// Inside a batch the rows' reports come first and their incidents after: the first incident names
// a report of the same batch, so the server waits once for the read model to apply the reports
// (batch-dependencies.ts), and every later incident is judged at once (their reports are no longer
// pending). Batches never depend on each other, so they may be in flight together.
//
// Results come back in input order: the caller awaits the oldest batch's outcome first. Lines the
// server refused because its queue was full (503) are sent again, report and incident together
// (a report that did go in answers "duplicate" the second time, which counts as filed).
import type { Signer } from '../../core/signing.js';
import { signEnvelope } from '../../core/envelope.js';
import { importId } from '../../server/import/ids.js';
import type { ImportedEvent } from '../../server/import/types.js';
import { answerError } from '../connection.js';

/** Most entries in one request: the server's MAX_BATCH_ENTRIES (4,096) is two rows' worth above. */
export const ENTRIES_PER_BATCH = 2000;
/** Most bytes in one request, under the server's 8 MiB. */
export const BYTES_PER_BATCH = 6 * 1024 * 1024;
/** Batches in flight (three of 2,000 entries stay under the sequencer's queue of 8,192). */
export const BATCHES_IN_FLIGHT = 3;
const MAX_ATTEMPTS = 8;

export interface Target {
  server: string;
  token: string;
  mission: string;
  signer: Signer;
}

export interface LineAnswer {
  index?: number;
  error?: { status?: number; code?: string; message?: string };
}

/** What became of one row: both entries in (or already there), or the server's reason. */
export type RowOutcome =
  | { row: ImportedEvent; filed: 'added' | 'already'; lastIndex: number }
  | { row: ImportedEvent; filed: false; reason: string };

export interface SignedRow {
  row: ImportedEvent;
  report: string;
  incident: string;
  bytes: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs one row's report and incident, with ids derived from the source's event id (ids.ts). */
export async function signRow(e: ImportedEvent, t: Target, at: string): Promise<SignedRow> {
  const ms = Date.parse(`${e.report.occurred.date}T00:00:00Z`);
  const reportId = importId(t.mission, e.sourceKey, 'report', ms);
  const r = await signEnvelope(
    { mission: t.mission, kind: 'report', id: reportId, at, body: e.report },
    t.signer,
  );
  const i = await signEnvelope(
    {
      mission: t.mission,
      kind: 'incident',
      id: importId(t.mission, e.sourceKey, 'incident', ms),
      at,
      body: {
        action: 'open',
        title: e.report.title,
        type: e.report.type,
        occurred: e.report.occurred,
        location: e.report.location,
        reports: [reportId],
      },
    },
    t.signer,
  );
  const report = Buffer.from(r.bytes).toString('utf8');
  const incident = Buffer.from(i.bytes).toString('utf8');
  return { row: e, report, incident, bytes: r.bytes.length + i.bytes.length + 2 };
}

/** Posts one batch body; the per-line answers in order (retrying the whole request on a 503). */
async function post(lines: string[], t: Target): Promise<LineAnswer[]> {
  const url = `${t.server}/api/v1/missions/${encodeURIComponent(t.mission)}/entries?ack=integrated`;
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/jsonl', authorization: `Bearer ${t.token}` },
      body: lines.join('\n') + '\n',
    });
    if (res.status === 503 && attempt < MAX_ATTEMPTS) {
      await res.body?.cancel();
      await sleep(1000 * Number(res.headers.get('retry-after') ?? 1));
      continue;
    }
    if (res.status !== 200) throw new Error(`couldn't import: ${await answerError(res)}`);
    const answers = (await res.text())
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as LineAnswer);
    return answers.slice(0, lines.length);
  }
}

const inOrFound = (a: LineAnswer | undefined) =>
  a?.index !== undefined || a?.error?.code === 'duplicate';
const queueFull = (a: LineAnswer | undefined) => a?.error?.status === 503;

/** Files one batch of signed rows: reports first, then their incidents; the outcome per row. */
export async function fileRows(rows: SignedRow[], t: Target): Promise<RowOutcome[]> {
  const outcomes = new Array<RowOutcome>(rows.length);
  let todo = rows.map((_, k) => k);
  for (let attempt = 1; todo.length > 0; attempt++) {
    const lines = [...todo.map((k) => rows[k]!.report), ...todo.map((k) => rows[k]!.incident)];
    const answers = await post(lines, t);
    const again: number[] = [];
    todo.forEach((k, n) => {
      const r = answers[n];
      const i = answers[todo.length + n];
      const row = rows[k]!.row;
      if (inOrFound(r) && inOrFound(i)) {
        const added = r?.index !== undefined || i?.index !== undefined;
        outcomes[k] = {
          row,
          filed: added ? 'added' : 'already',
          lastIndex: Math.max(r?.index ?? -1, i?.index ?? -1),
        };
      } else if ((queueFull(r) || queueFull(i)) && attempt < MAX_ATTEMPTS) again.push(k);
      else {
        const bad = [r, i].find((a) => !inOrFound(a));
        outcomes[k] = {
          row,
          filed: false,
          reason: `refused by the server: ${bad?.error?.message ?? 'no answer for this entry'}`,
        };
      }
    });
    todo = again;
    if (todo.length > 0) await sleep(1000);
  }
  return outcomes;
}

/**
 * Gathers signed rows into full batches and keeps up to BATCHES_IN_FLIGHT of them in flight;
 * `onOutcomes` is called once per batch, oldest batch first, so rows are reported in input order.
 */
export class ImportPipeline {
  private gathering: SignedRow[] = [];
  private gatheredBytes = 0;
  private readonly window: Promise<RowOutcome[]>[] = [];
  /** The highest log index an import entry got (-1: none yet). */
  lastIndex = -1;

  constructor(
    private readonly t: Target,
    private readonly onOutcomes: (o: RowOutcome[]) => void,
    private readonly entriesPerBatch = ENTRIES_PER_BATCH,
    private readonly inFlight = BATCHES_IN_FLIGHT,
  ) {}

  /** Adds a signed row; waits only when a full batch went out and the window is full. */
  async add(row: SignedRow): Promise<void> {
    if (
      this.gathering.length > 0 &&
      (this.gatheredBytes + row.bytes > BYTES_PER_BATCH ||
        (this.gathering.length + 1) * 2 > this.entriesPerBatch)
    )
      await this.send();
    this.gathering.push(row);
    this.gatheredBytes += row.bytes;
  }

  private async send(): Promise<void> {
    const batch = this.gathering;
    this.gathering = [];
    this.gatheredBytes = 0;
    const p = fileRows(batch, this.t);
    p.catch(() => {}); // awaited in order below; no unhandled rejection meanwhile
    this.window.push(p);
    while (this.window.length >= this.inFlight) await this.settleOldest();
  }

  private async settleOldest(): Promise<void> {
    const outcomes = await this.window.shift()!;
    for (const o of outcomes) if (o.filed) this.lastIndex = Math.max(this.lastIndex, o.lastIndex);
    this.onOutcomes(outcomes);
  }

  /** Sends the last part batch and reports every batch still in flight, in order. */
  async finish(): Promise<void> {
    if (this.gathering.length > 0) {
      const batch = this.gathering;
      this.gathering = [];
      this.window.push(fileRows(batch, this.t));
    }
    while (this.window.length > 0) await this.settleOldest();
  }
}

/**
 * Waits until the mission's read model has applied entry `index` (the Truceline-Read-After header,
 * src/server/routes/read-after.ts), so what the import filed is readable when the command ends.
 */
export async function readAfter(t: Target, index: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${t.server}/api/v1/missions/${encodeURIComponent(t.mission)}`, {
      headers: { 'truceline-read-after': String(index), authorization: `Bearer ${t.token}` },
    });
    await res.body?.cancel();
    if (res.status === 200) return;
    if (res.status === 503 && attempt < 60) continue;
    throw new Error(
      `the rows are in the log, but the read model has not applied them yet (HTTP ${res.status}): retry reads shortly`,
    );
  }
}
